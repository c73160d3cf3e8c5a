package scoop

import "strings"

// substringSet tells which groups of lower-case needles have a needle in
// a text, in one pass over the text: rules that each need one of their
// hint words before their pattern runs would otherwise pass over every
// short line once per hint.
type substringSet struct {
	// pair[a][b] numbers the needles that start with the bytes a, b
	// (0: none): most letters of a text begin some needle, few pairs do,
	// and a pair that does is tested against its own needles only.
	pair    [256][256]uint16
	byPair  [][]int // indices of the needles of each pair number
	single  [256][]int
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
	s := &substringSet{byPair: [][]int{nil}}
	addPair := func(a, b byte, k int) {
		id := s.pair[a][b]
		if id == 0 {
			id = uint16(len(s.byPair))
			s.pair[a][b] = id
			s.byPair = append(s.byPair, nil)
		}
		s.byPair[id] = append(s.byPair[id], k)
	}
	for i, g := range groups {
		for _, n := range g {
			if n == "" {
				s.always |= 1 << i
				continue
			}
			k := len(s.needles)
			s.needles = append(s.needles, n)
			s.group = append(s.group, 1<<i)
			if len(n) > 1 {
				addPair(n[0], n[1], k)
				continue
			}
			// A needle of one byte matches before any byte, or at
			// the end of the text.
			s.single[n[0]] = append(s.single[n[0]], k)
			for b := range 256 {
				addPair(n[0], byte(b), k)
			}
		}
	}
	return s
}

// find returns the bits of the groups one of whose needles text holds.
func (s *substringSet) find(text string) uint64 {
	found := s.always
	last := len(text) - 1
	for i := 0; i < last; i++ {
		id := s.pair[text[i]][text[i+1]]
		if id == 0 {
			continue
		}
		for _, k := range s.byPair[id] {
			if found&s.group[k] == 0 && strings.HasPrefix(text[i:], s.needles[k]) {
				found |= s.group[k]
			}
		}
	}
	if last >= 0 {
		for _, k := range s.single[text[last]] {
			found |= s.group[k]
		}
	}
	return found
}
