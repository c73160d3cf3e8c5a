// Package redisfrontier keeps a scoop crawl's frontier in Redis, so that
// several processes, on one machine or many, crawl together: one queue,
// one seen set, one politeness clock per host, one record of what was
// delivered. Set a [Frontier] from [Open] as scoop.Scraper.Frontier in
// each process; the scoop command does so with -redis URL -crawl-id NAME.
// It is a package of its own so that a program importing only scoop does
// not build go-redis.
//
// # Atomicity and time
//
// Each call of the scoop.Frontier interface is one Lua script, which
// Redis runs without interleaving: two processes never lease more of a
// host's requests than the per-host limit, and an Ack records the
// request's fate, the links found, the host's next allowed start and the
// delivery together or not at all. Times are Redis's TIME; the callers'
// times travel as offsets from their own now, so the machines' clocks
// need not agree. A host's least spacing (Ack.HostGap, from a robots.txt
// Crawl-delay) spaces the claims of its requests by a tenth more than
// asked, since each request leaves its process a little after its claim,
// some later than others. The keys of a crawl are under "scoop:{crawl-id}:" (the
// braces keep them in one Redis Cluster slot); scripts.go lists them.
//
// # Failures
//
// A lease lasts Options.LeaseTTL in Redis and is renewed by its process
// while it works, so the requests of a killed process go back to the
// queue after LeaseTTL however long fetches take; a request whose lease
// expires Options.MaxKills times goes to the dead letters ([Frontier.Dead])
// instead of killing workers forever. A process restarted with the same
// output calls [Frontier.Adopt] to record what it wrote before it was
// killed and to learn what others delivered meanwhile.
//
// Every script first checks the crawl's epoch, a key written when the
// crawl is created: a Redis restarted without its data (no AOF) fails
// every call with [ErrStateLost] instead of letting the processes start
// the crawl over. Run Redis with appendonly yes (and noeviction) for a
// crawl that must survive a Redis restart.
//
// # Files
//
// frontier.go holds Open and the Frontier's methods, scripts.go the Lua
// scripts and the key layout, robots.go the shared robots.txt store.
package redisfrontier
