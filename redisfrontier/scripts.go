package redisfrontier

import "github.com/redis/go-redis/v9"

// Each Frontier call is one of these scripts, which Redis runs atomically.
// KEYS[1] is the crawl's prefix, "scoop:{crawl-id}:"; ARGV[1] the epoch
// the process opened, checked first, so that a Redis that came back empty
// stops every process instead of starting the crawl over. Times are Redis
// TIME in milliseconds; the caller's times arrive as offsets from its now.
//
// Keys under the prefix:
//
//	epoch, meta      the crawl's identity (epoch, seeds fingerprint)
//	seen             hash sid -> q queued | f failed | x dead | d[revisit ms] done
//	q:<host>         list of queued entries, taken from the head
//	ready            zset host -> not-before ms, hosts that may have a free slot
//	busy             zset host -> leases held, hosts set aside at their limit
//	hn, gap, lc      hashes host -> not-before ms, least spacing ms, leases held
//	later            zset host\nentry -> not-before ms (retries)
//	lease, inflight  zset lease id -> deadline ms; hash lease id -> host\nentry
//	kills            hash sid -> leases of it that expired
//	failed, dead     hash sid -> entry (Requeue brings back failed ones)
//	em, ct, bd       delivered: sid -> owner\nurl; sid of the content sha -> sid;
//	                 sid of host+" "+body sha -> sid
//	n                hash: queued -> count of entries in q:* and later
//	robots:<host>    a host's robots.txt, with a TTL
//
// An entry is the 12-byte sid (SHA-256 of the request's key, cut) and the
// request's JSON; a sid is what the seen set stores per URL.

const prelude = `
local P = KEYS[1]
if redis.call('GET', P..'epoch') ~= ARGV[1] then
  return redis.error_reply('SCOOPLOST the crawl state is gone from Redis')
end
local t = redis.call('TIME')
-- now, rounded down, says what is due; later, rounded up, is the base
-- of the not-before times set, so that none comes early.
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local later = tonumber(t[1]) * 1000 + math.ceil(tonumber(t[2]) / 1000)
local function hostnext(h)
  return tonumber(redis.call('HGET', P..'hn', h) or '0')
end
-- wake makes a host with queued requests eligible, no earlier than its
-- not-before time; GT keeps a later score set by Claim or HostNext.
local function wake(h)
  redis.call('ZADD', P..'ready', 'GT', hostnext(h), h)
end
local function split(v)
  local i = string.find(v, '\n', 1, true)
  return string.sub(v, 1, i - 1), string.sub(v, i + 1)
end
local function admit(sid, host, e)
  local v = redis.call('HGET', P..'seen', sid)
  if v and (string.sub(v, 1, 1) ~= 'd' or #v == 1 or tonumber(string.sub(v, 2)) > now) then
    return 0
  end
  redis.call('HSET', P..'seen', sid, 'q')
  redis.call('RPUSH', P..'q:'..host, e)
  redis.call('HINCRBY', P..'n', 'queued', 1)
  wake(host)
  return 1
end
local function release(host)
  if redis.call('HINCRBY', P..'lc', host, -1) <= 0 then
    redis.call('HDEL', P..'lc', host)
  end
  redis.call('ZREM', P..'busy', host)
end
`

// initScript creates the crawl's epoch, or returns the one there is.
// ARGV: new epoch, seeds fingerprint.
var initScript = redis.NewScript(`
local P = KEYS[1]
local e = redis.call('GET', P..'epoch')
if e then
  local fp = redis.call('HGET', P..'meta', 'fp')
  if ARGV[2] ~= '' and fp and fp ~= '' and fp ~= ARGV[2] then
    return redis.error_reply('SCOOPMISMATCH other seeds')
  end
  return e
end
if redis.call('EXISTS', P..'seen') == 1 then
  return redis.error_reply('SCOOPLOST the crawl state has no epoch')
end
redis.call('SET', P..'epoch', ARGV[1])
redis.call('HSET', P..'meta', 'fp', ARGV[2])
return ARGV[1]
`)

// addScript: ARGV[2..] are triples sid, host, entry.
var addScript = redis.NewScript(prelude + `
local n = 0
for i = 2, #ARGV, 3 do
  n = n + admit(ARGV[i], ARGV[i + 1], ARGV[i + 2])
end
return n
`)

// claimScript: ARGV perHost, ttl ms, kills before dead-letter.
// Returns {lease id, host, entry, deadline, now} or, with nothing to lease, three
// empty strings, the wake time (-1: none) and now.
var claimScript = redis.NewScript(prelude + `
local perHost, ttl, maxKills = tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
-- Leases past their deadline go back to the head of their host's queue,
-- or to the dead letters after maxKills expiries.
for _, id in ipairs(redis.call('ZRANGE', P..'lease', '-inf', now, 'BYSCORE', 'LIMIT', 0, 100)) do
  local v = redis.call('HGET', P..'inflight', id)
  redis.call('ZREM', P..'lease', id)
  redis.call('HDEL', P..'inflight', id)
  if v then
    local host, e = split(v)
    release(host)
    local sid = string.sub(e, 1, 12)
    if redis.call('HINCRBY', P..'kills', sid, 1) >= maxKills then
      redis.call('HDEL', P..'kills', sid)
      redis.call('HSET', P..'dead', sid, e)
      redis.call('HSET', P..'seen', sid, 'x')
    else
      redis.call('LPUSH', P..'q:'..host, e)
      redis.call('HINCRBY', P..'n', 'queued', 1)
    end
    if redis.call('LLEN', P..'q:'..host) > 0 then wake(host) end
  end
end
-- Retries whose time has come go to the head of their host's queue.
for _, m in ipairs(redis.call('ZRANGE', P..'later', '-inf', now, 'BYSCORE', 'LIMIT', 0, 100)) do
  redis.call('ZREM', P..'later', m)
  local host, e = split(m)
  redis.call('LPUSH', P..'q:'..host, e)
  wake(host)
end
-- Hosts set aside at their limit that a larger perHost frees.
for _, h in ipairs(redis.call('ZRANGE', P..'busy', '-inf', '('..perHost, 'BYSCORE', 'LIMIT', 0, 100)) do
  redis.call('ZREM', P..'busy', h)
  if redis.call('LLEN', P..'q:'..h) > 0 then wake(h) end
end
for _ = 1, 10000 do
  local r = redis.call('ZRANGE', P..'ready', '-inf', now, 'BYSCORE', 'LIMIT', 0, 1)
  if #r == 0 then break end
  local host = r[1]
  local q = P..'q:'..host
  local lc = tonumber(redis.call('HGET', P..'lc', host) or '0')
  local e = false
  if lc < perHost then e = redis.call('LPOP', q) end
  if not e then
    -- At its limit or empty: Ack, Add or an expiry makes it eligible again.
    redis.call('ZREM', P..'ready', host)
    if lc >= perHost then redis.call('ZADD', P..'busy', lc, host) end
  else
    redis.call('HINCRBY', P..'n', 'queued', -1)
    local sid = string.sub(e, 1, 12)
    local v = redis.call('HGET', P..'seen', sid)
    if v and string.sub(v, 1, 1) == 'd' then
      -- Finished under another address while it waited: dropped.
      if redis.call('LLEN', q) == 0 then redis.call('ZREM', P..'ready', host) end
    else
      local id = tostring(redis.call('INCR', P..'leaseid'))
      local deadline = now + ttl
      redis.call('ZADD', P..'lease', deadline, id)
      redis.call('HSET', P..'inflight', id, host..'\n'..e)
      redis.call('HINCRBY', P..'lc', host, 1)
      local hn = hostnext(host)
      local gap = tonumber(redis.call('HGET', P..'gap', host) or '0')
      -- A tenth more than the gap: it spaces claims, and each request
      -- goes out a little after its claim, some later than others.
      gap = gap + math.ceil(gap / 10)
      if gap > 0 and later + gap > hn then
        hn = later + gap
        redis.call('HSET', P..'hn', host, hn)
      end
      if lc + 1 >= perHost then
        redis.call('ZREM', P..'ready', host)
        redis.call('ZADD', P..'busy', lc + 1, host)
      elseif redis.call('LLEN', q) == 0 then
        redis.call('ZREM', P..'ready', host)
      else
        -- Behind the hosts that waited longer: round robin.
        redis.call('ZADD', P..'ready', math.max(hn, now), host)
      end
      return {id, host, e, deadline, now}
    end
  end
end
local w = -1
local r = redis.call('ZRANGE', P..'ready', 0, 0, 'WITHSCORES')
if #r > 0 then w = tonumber(r[2]) end
r = redis.call('ZRANGE', P..'later', 0, 0, 'WITHSCORES')
if #r > 0 and (w < 0 or tonumber(r[2]) < w) then w = tonumber(r[2]) end
return {'', '', '', w, now}
`)

// ackScript: ARGV lease id, outcome, sid, host, updated entry, retry
// offset ms, revisit offset ms or empty, host-next offset ms or empty, gap ms,
// delivery (sid, url, sids of the content sha and of host+" "+body
// sha, or four empty), count of finished sids, the owner, the sids, then
// link triples.
var ackScript = redis.NewScript(prelude + `
local id, outcome, sid, host, e = ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6]
local v = redis.call('HGET', P..'inflight', id)
if not v then
  -- Its lease expired (a stalled process), yet the record is out: keep
  -- it as delivered unless another was, so no one delivers it again.
  if ARGV[11] ~= '' and redis.call('HEXISTS', P..'em', ARGV[11]) == 0 then
    redis.call('HSET', P..'em', ARGV[11], ARGV[16]..'\n'..ARGV[12])
    if ARGV[13] ~= '' then redis.call('HSETNX', P..'ct', ARGV[13], ARGV[11]) end
    if ARGV[14] ~= '' then redis.call('HSETNX', P..'bd', ARGV[14], ARGV[11]) end
    redis.call('HSET', P..'seen', ARGV[11], 'd')
  end
  return redis.error_reply('SCOOPEXPIRED lease not held')
end
redis.call('ZREM', P..'lease', id)
redis.call('HDEL', P..'inflight', id)
release(host)
if outcome == 'done' then
  local s = 'd'
  if ARGV[8] ~= '' then s = 'd'..(now + tonumber(ARGV[8])) end
  redis.call('HSET', P..'seen', sid, s)
  redis.call('HDEL', P..'kills', sid)
elseif outcome == 'failed' then
  redis.call('HSET', P..'seen', sid, 'f')
  redis.call('HSET', P..'failed', sid, e)
  redis.call('HDEL', P..'kills', sid)
elseif outcome == 'retry' then
  redis.call('ZADD', P..'later', later + tonumber(ARGV[7]), host..'\n'..e)
  redis.call('HINCRBY', P..'n', 'queued', 1)
else
  local _, old = split(v)
  redis.call('LPUSH', P..'q:'..host, old)
  redis.call('HINCRBY', P..'n', 'queued', 1)
end
if ARGV[9] ~= '' then
  local hn = later + tonumber(ARGV[9])
  if hn > hostnext(host) then redis.call('HSET', P..'hn', host, hn) end
end
if tonumber(ARGV[10]) > 0 then redis.call('HSET', P..'gap', host, ARGV[10]) end
if ARGV[11] ~= '' then
  redis.call('HSET', P..'em', ARGV[11], ARGV[16]..'\n'..ARGV[12])
  if ARGV[13] ~= '' then redis.call('HSETNX', P..'ct', ARGV[13], ARGV[11]) end
  if ARGV[14] ~= '' then redis.call('HSETNX', P..'bd', ARGV[14], ARGV[11]) end
end
local nf = tonumber(ARGV[15])
for i = 17, 16 + nf do
  if ARGV[i] ~= sid then redis.call('HSET', P..'seen', ARGV[i], 'd') end
end
for i = 17 + nf, #ARGV, 3 do
  admit(ARGV[i], ARGV[i + 1], ARGV[i + 2])
end
if redis.call('LLEN', P..'q:'..host) > 0 then wake(host) end
return 1
`)

// renewScript pushes the deadlines of leases still held: ARGV pairs of
// lease id, ms from now.
var renewScript = redis.NewScript(prelude + `
for i = 2, #ARGV, 2 do
  redis.call('ZADD', P..'lease', 'XX', now + tonumber(ARGV[i + 1]), ARGV[i])
end
return 1
`)

// adoptScript records as delivered by ARGV[2] (the owner) the records
// of its output: ARGV then has triples sid, url, sid of the content
// sha. It returns the sids that another owner delivered already.
var adoptScript = redis.NewScript(prelude + `
local owner, out = ARGV[2], {}
for i = 3, #ARGV, 3 do
  local sid = ARGV[i]
  local v = redis.call('HGET', P..'em', sid)
  if not v then
    redis.call('HSET', P..'em', sid, owner..'\n'..ARGV[i + 1])
    redis.call('HSET', P..'seen', sid, 'd')
    if ARGV[i + 2] ~= '' then redis.call('HSETNX', P..'ct', ARGV[i + 2], sid) end
  elseif string.sub(v, 1, #owner + 1) ~= owner..'\n' then
    out[#out + 1] = sid
  end
end
return out
`)

// deliveredScript: ARGV sid, sids of the content sha and of host+" "+body sha.
// Returns {kind, url}, kind empty when new.
var deliveredScript = redis.NewScript(prelude + `
local function url(s)
  local v = redis.call('HGET', P..'em', s)
  if not v then return '' end
  local _, u = split(v)
  return u
end
if redis.call('HEXISTS', P..'em', ARGV[2]) == 1 then return {'key', url(ARGV[2])} end
if ARGV[4] ~= '' then
  local s = redis.call('HGET', P..'bd', ARGV[4])
  if s then return {'body', url(s)} end
end
if ARGV[3] ~= '' then
  local s = redis.call('HGET', P..'ct', ARGV[3])
  if s then return {'content', url(s)} end
end
return {'', ''}
`)

// requeueScript: ARGV max failures. Failed entries with fewer failures
// are queued again.
var requeueScript = redis.NewScript(prelude + `
local max, n = tonumber(ARGV[2]), 0
local all = redis.call('HGETALL', P..'failed')
for i = 1, #all, 2 do
  local sid, e = all[i], all[i + 1]
  local r = cjson.decode(string.sub(e, 13))
  if (tonumber(r.failures) or 0) < max then
    redis.call('HDEL', P..'failed', sid)
    redis.call('HDEL', P..'seen', sid)
    n = n + admit(sid, r.host, e)
  end
end
return n
`)

// countsScript returns {queued, leased}.
var countsScript = redis.NewScript(prelude + `
return {tonumber(redis.call('HGET', P..'n', 'queued') or '0'), redis.call('ZCARD', P..'lease')}
`)
