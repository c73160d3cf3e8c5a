package newssite

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
)

// The word banks the stories are written from. Everything is chosen by a
// generator seeded with the story's number, so the site is the same on
// every run.
var (
	places = []string{"Port Aldwin", "Kestrel Bay", "Marrow Point", "Eastfield", "Saltmarsh", "Greyhaven", "Linden Cross", "Oakridge", "Brackwater", "Fennick"}
	verbs  = []string{"approves", "delays", "backs", "questions", "unveils", "rejects", "reviews", "defends"}
	first  = []string{"Maria", "Tomas", "Aisha", "Daniel", "Priya", "Owen", "Lucia", "Kenji", "Fatima", "Hugo", "Ingrid", "Samuel"}
	last   = []string{"Okafor", "Lindqvist", "Moreau", "Tanaka", "Reyes", "Whitcombe", "Haddad", "Novak", "Brennan", "Castillo", "Iversen", "Mbeki"}
	quotes = []string{
		"We have a responsibility to get this right, and we will not rush it",
		"This is a good day for the whole community, and it was a long time coming",
		"Nobody expected the numbers to move this fast, least of all us",
		"People deserve clear answers, not another round of promises",
		"We listened, we changed the plan, and we think it is better for it",
		"There is still a great deal of work ahead of us before anyone can celebrate",
		"The evidence points in one direction, even if the politics do not",
		"I have lived here for forty years and I have never seen anything like it",
	}
	venues  = []string{"town hall", "harbour library", "community centre", "old customs house", "high school gymnasium"}
	groups  = []string{"residents", "small business owners", "fishing families", "students", "pensioners", "commuters"}
	issues  = []string{"the shortage of affordable homes", "rising insurance costs", "the erosion of the sea wall", "long waits at the regional hospital", "the loss of ferry services"}
	orgs    = []string{"the Coastal Policy Institute", "the regional audit office", "Harbour University", "the Chamber of Commerce", "an independent review panel"}
	months  = []string{"January", "February", "March", "April", "May", "June", "July", "September", "October", "November"}
	days    = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}
	closers = []string{
		"The Gazette will continue to follow the story as it develops.",
		"A final decision is expected before the end of the year.",
		"Further details are due to be published in the coming weeks.",
		"Those wishing to comment can do so until the end of next month.",
	}
)

// vocab is what a section's stories are about.
type vocab struct {
	actors []string
	things []string
}

var sectionVocab = map[string]vocab{
	"world":    {[]string{"aid agency", "foreign ministry", "border agency", "UN mission", "envoy"}, []string{"ceasefire talks", "refugee corridor", "trade embargo", "relief convoy", "election monitoring plan"}},
	"politics": {[]string{"council", "mayor", "opposition bloc", "budget committee", "state senate"}, []string{"harbour levy", "school funding plan", "housing bill", "transit budget", "ethics inquiry"}},
	"business": {[]string{"shipyard", "fishing cooperative", "regional bank", "port authority", "software start-up"}, []string{"expansion plan", "quarterly results", "wage agreement", "export deal", "merger talks"}},
	"science":  {[]string{"research team", "university lab", "climate institute", "maritime museum", "observatory"}, []string{"kelp forest survey", "tidal energy trial", "fossil discovery", "seabird census", "storm surge model"}},
	"sport":    {[]string{"Harbour United", "rowing club", "cricket side", "marathon committee", "sailing team"}, []string{"cup semi-final plan", "season opener", "regatta schedule", "transfer policy", "stadium upgrade"}},
}

func pick[T any](r *rand.Rand, s []T) T { return s[r.IntN(len(s))] }

func person(r *rand.Rand) string { return pick(r, first) + " " + pick(r, last) }

// headline makes a title for a story in section sec; taken holds the
// titles used so far, since two stories must never share one.
func headline(r *rand.Rand, sec string, taken map[string]bool) (title, place, actor, thing string) {
	v := sectionVocab[sec]
	for {
		place, actor, thing = pick(r, places), pick(r, v.actors), pick(r, v.things)
		title = place + " " + actor + " " + pick(r, verbs) + " " + thing
		if !taken[title] {
			taken[title] = true
			return title, place, actor, thing
		}
	}
}

// prose writes the paragraphs of a story.
func prose(r *rand.Rand, place, actor, thing string, published time.Time) []string {
	other := pick(r, places)
	for other == place {
		other = pick(r, places)
	}
	speaker, analyst := person(r), person(r)
	sentences := []string{
		fmt.Sprintf("The decision, announced on %s, follows months of debate in %s over the %s.", published.Weekday(), place, thing),
		fmt.Sprintf("%q, said %s, a spokesperson for the %s.", pick(r, quotes), speaker, actor),
		fmt.Sprintf("Officials said the %s would cost about %d million dollars over %d years, most of it paid for by the regional government.", thing, 3+r.IntN(90), 2+r.IntN(8)),
		fmt.Sprintf("Residents who attended a public meeting at the %s on %s evening were divided, with some applauding and others walking out before the vote.", pick(r, venues), pick(r, days)),
		fmt.Sprintf("%s told the Gazette that the %s had listened carefully to the concerns raised by %s during the consultation.", speaker, actor, pick(r, groups)),
		fmt.Sprintf("Critics argue that the %s does little to address %s, which has worsened steadily since %d.", thing, pick(r, issues), 2015+r.IntN(8)),
		fmt.Sprintf("A survey published in %s found that %d per cent of %s in %s supported the idea, up from a third two years ago.", pick(r, months), 40+r.IntN(45), pick(r, groups), place),
		fmt.Sprintf("The %s is expected to return to the issue at its next meeting in %s, when amendments will be considered.", actor, pick(r, months)),
		fmt.Sprintf("Similar measures in %s produced mixed results, according to a review by %s that was released earlier this year.", other, pick(r, orgs)),
		fmt.Sprintf("%s, who has followed the %s closely for %s, said the outcome was far from certain and that much would depend on the next budget.", analyst, thing, pick(r, orgs)),
		fmt.Sprintf("%q, %s added, pointing to figures that showed costs rising faster than expected.", pick(r, quotes), analyst),
		fmt.Sprintf("Supporters of the %s say it will bring jobs and visitors to %s, where the harbour has struggled since the cannery closed.", thing, place),
		fmt.Sprintf("Opponents, many of them %s, have collected more than %d signatures on a petition calling for a public inquiry.", pick(r, groups), 800+r.IntN(9000)),
		fmt.Sprintf("The %s declined to say whether it would publish the full report, citing legal advice it had received in %s.", actor, pick(r, months)),
	}
	r.Shuffle(len(sentences)-1, func(i, j int) { sentences[i+1], sentences[j+1] = sentences[j+1], sentences[i+1] })
	var paras []string
	for i := 0; i < len(sentences); {
		n := min(1+r.IntN(3), len(sentences)-i)
		paras = append(paras, strings.Join(sentences[i:i+n], " "))
		i += n
	}
	return append(paras, pick(r, closers))
}

// slug turns a title into the last part of a story's address.
func slug(title string) string {
	var b strings.Builder
	dash := false
	for _, c := range strings.ToLower(title) {
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			b.WriteRune(c)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}
