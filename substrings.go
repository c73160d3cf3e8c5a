package scoop

import "strings"

// substringSet tells which groups of lower-case needles have a needle in
// a text, in one pass over the text: rules that each need one of their
// hint words before their pattern runs would otherwise pass over every
// short line once per hint.
type substringSet struct {
	byFirst [256][]int // indices of the needles that start with each byte
	// second[a][b] says that a needle starts with the bytes a, b: most
	// letters of a text begin some needle, few pairs do.
	second  [256][256]bool
	needles []string
	group   []uint64 // the bit of each needle's group
	always  uint64   // groups with an empty needle, found in any text
}

// newSubstringSet indexes the needles of up to 64 groups; group i is
// bit i of what find returns.
func newSubstringSet(groups [][]string) *substringSet {
	if len(groups) > 64 {
		panic("scoop: more than 64 groups of substrings")
	}
	s := &substringSet{}
	for i, g := range groups {
		for _, n := range g {
			if n == "" {
				s.always |= 1 << i
				continue
			}
			s.byFirst[n[0]] = append(s.byFirst[n[0]], len(s.needles))
			if len(n) > 1 {
				s.second[n[0]][n[1]] = true
			} else {
				for b := range s.second[n[0]] {
					s.second[n[0]][b] = true
				}
			}
			s.needles = append(s.needles, n)
			s.group = append(s.group, 1<<i)
		}
	}
	return s
}

// find returns the bits of the groups one of whose needles text holds.
func (s *substringSet) find(text string) uint64 {
	found := s.always
	for i := 0; i < len(text); i++ {
		c := text[i]
		if len(s.byFirst[c]) == 0 || i+1 < len(text) && !s.second[c][text[i+1]] {
			continue
		}
		for _, k := range s.byFirst[c] {
			if found&s.group[k] == 0 && strings.HasPrefix(text[i:], s.needles[k]) {
				found |= s.group[k]
			}
		}
	}
	return found
}
