package scoop

import (
	"regexp"
	"testing"
)

// TestAnyOf checks that anyOf sorts only top-level branches, keeping
// groups and character classes whole, and that rxRelatedLabel built
// with it says yes or no exactly as the branches in their written order.
func TestAnyOf(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`b|a`, `a|b`},
		{`more (on|about)\b.*|Lesen sie|[|]x|also`, `also|Lesen sie|more (on|about)\b.*|[|]x`},
		{`z\||y`, `y|z\|`},
	} {
		if got := anyOf(c.in); got != c.want {
			t.Errorf("anyOf(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	written := regexp.MustCompile(`(?i)^[^\pL\pN]*(` + relatedLabels + `)[^\pL\pN]*$`)
	for _, label := range []string{
		"Related", "Related Stories", "MORE ON BREXIT", "More in White House", "Read more",
		"Lesen Sie auch:", "À lire aussi", "Más información", "Leia também", "Читайте также",
		"関連記事", "관련 기사", "Read Later", "More", "Next", "See it now", "Related Topics",
		"You may like these posts", "More from Space...", "Read these next", "More Coverage",
		"Comments", "Аккаунт", "More Stories", "Plus sur ce sujet", "mehr zum Thema",
	} {
		if got, want := rxRelatedLabel.MatchString(label), written.MatchString(label); got != want {
			t.Errorf("%q: sorted pattern says %v, written order %v", label, got, want)
		}
	}
}
