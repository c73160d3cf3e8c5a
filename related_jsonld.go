// Related stories the page names in its JSON-LD: relatedLink and lists
// of articles.

package scoop

import "cmp"

// jsonLDRelated returns the stories the page names in JSON-LD:
// relatedLink on the page or article, and lists of articles.
func (p *page) jsonLDRelated() []story {
	var out []story
	for _, o := range p.jsonLD {
		var refs []any
		switch v := o["relatedLink"].(type) {
		case []any:
			refs = v
		case string, map[string]any:
			refs = []any{v}
		}
		for _, r := range refs {
			if s, ok := p.ldStory(r); ok {
				out = append(out, s)
			}
		}
		if isType(o["@type"], "ItemList") && !rxNotRelated.MatchString(ldString(o["name"])) {
			items, _ := o["itemListElement"].([]any)
			if p.listsSelf(items) {
				// A list that holds the page itself is the section's
				// feed, not stories picked for it.
				continue
			}
			for _, it := range items {
				if m, ok := it.(map[string]any); ok {
					// A list of the site's menu entries names no story.
					if isType(m["@type"], "SiteNavigationElement") {
						continue
					}
					if inner, ok := m["item"]; ok {
						if s, ok := p.ldStory(inner); ok {
							if s.Title == "" {
								s.Title = ldString(m["name"])
							}
							out = append(out, s)
							continue
						}
					}
				}
				if s, ok := p.ldStory(it); ok {
					out = append(out, s)
				}
			}
		}
	}
	return out
}

// listsSelf reports whether a JSON-LD item list names the page itself.
func (p *page) listsSelf(items []any) bool {
	self := map[string]bool{storyKey(p.url.String()): true}
	if p.canonical != "" {
		self[storyKey(p.resolve(p.canonical))] = true
	}
	for _, it := range items {
		m, ok := it.(map[string]any)
		if !ok {
			continue
		}
		u := ldString(m["url"])
		if inner, ok := m["item"].(map[string]any); ok && u == "" {
			u = cmp.Or(ldString(inner["url"]), ldString(inner["@id"]))
		} else if s, ok := m["item"].(string); ok && u == "" {
			u = s
		}
		if u != "" && self[storyKey(p.resolve(u))] {
			return true
		}
	}
	return false
}

func (p *page) ldStory(v any) (story, bool) {
	var s story
	switch v := v.(type) {
	case string:
		s.URL, s.key = p.storyURL(v)
	case map[string]any:
		u := ""
		for _, k := range []string{"url", "@id", "mainEntityOfPage"} {
			if u = ldString(v[k]); u != "" {
				break
			}
		}
		s.URL, s.key = p.storyURL(u)
		s.Title = collapse(ldString(v["headline"]))
		if s.Title == "" {
			if n, ok := v["name"].(string); ok {
				s.Title = collapse(n)
			}
		}
		s.Summary = trimEllipsis(collapse(ldString(v["description"])))
		s.Image = p.resolve(ldString(v["image"]))
		if t, ok := parseMachineDate(ldString(v["datePublished"])); ok {
			s.Published = &t
		}
	}
	return s, s.URL != ""
}
