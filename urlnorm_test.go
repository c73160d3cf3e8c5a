package scoop

import "testing"

func TestCleanURLAndKey(t *testing.T) {
	tests := []struct {
		name, in, clean, key string
	}{
		{"case and default port", "HTTPS://News.Example.COM:443/World/Story", "https://news.example.com/World/Story", "https://news.example.com/World/Story"},
		{"http default port", "http://example.com:80", "http://example.com/", "http://example.com/"},
		{"other port kept", "http://example.com:8080/a/", "http://example.com:8080/a/", "http://example.com:8080/a"},
		{"fragment", "https://example.com/a#comments", "https://example.com/a", "https://example.com/a"},
		{"utm and click ids", "https://example.com/a?utm_source=x&id=7&fbclid=1&gclid=2&UTM_Medium=y", "https://example.com/a?id=7", "https://example.com/a?id=7"},
		{"matomo and webtrekk", "https://example.com/a?pk_campaign=MOT1&pk_kwd=older&mtm_source=nl&wt_mc=intern.shop&id=7", "https://example.com/a?id=7", "https://example.com/a?id=7"},
		{"only tracking", "https://example.com/a/?utm_campaign=z", "https://example.com/a/", "https://example.com/a"},
		{"params sorted in key", "https://example.com/s?b=2&a=1", "https://example.com/s?b=2&a=1", "https://example.com/s?a=1&b=2"},
		{"trailing slash in key", "https://example.com/2024/05/01/story/", "https://example.com/2024/05/01/story/", "https://example.com/2024/05/01/story"},
		{"amp suffix", "https://example.com/2024/05/01/story/amp/", "https://example.com/2024/05/01/story/", "https://example.com/2024/05/01/story"},
		{"amp suffix without slash", "https://example.com/story/amp", "https://example.com/story/", "https://example.com/story"},
		{"amp prefix", "https://example.com/amp/world/story", "https://example.com/world/story", "https://example.com/world/story"},
		{"amp html", "https://example.com/world/story.amp.html", "https://example.com/world/story.html", "https://example.com/world/story.html"},
		{"amp param", "https://example.com/story?amp=1", "https://example.com/story", "https://example.com/story"},
		{"amp outputType", "https://example.com/story?outputType=amp&x=1", "https://example.com/story?x=1", "https://example.com/story?x=1"},
		{"amp host", "https://amp.example.com/story", "https://example.com/story", "https://example.com/story"},
		{"dot segments", "https://example.com/a/./b/../c", "https://example.com/a/c", "https://example.com/a/c"},
		{"user info dropped", "https://user:pw@example.com/a", "https://example.com/a", "https://example.com/a"},
		{"root", "https://example.com", "https://example.com/", "https://example.com/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, err := CleanURL(nil, tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if u.String() != tt.clean {
				t.Errorf("CleanURL = %s, want %s", u, tt.clean)
			}
			if k := URLKey(tt.in); k != tt.key {
				t.Errorf("URLKey = %s, want %s", k, tt.key)
			}
		})
	}
	for _, bad := range []string{"mailto:a@b.c", "javascript:void(0)", "ftp://example.com/", "/relative", "http://", "http://."} {
		if _, err := CleanURL(nil, bad); err == nil {
			t.Errorf("CleanURL(%q) accepted", bad)
		}
		if URLKey(bad) != "" {
			t.Errorf("URLKey(%q) not empty", bad)
		}
	}
}

func TestCleanURLRelative(t *testing.T) {
	base, _ := CleanURL(nil, "https://example.com/world/index.html")
	u, err := CleanURL(base, "../sport/story?utm_source=a#top")
	if err != nil || u.String() != "https://example.com/sport/story" {
		t.Errorf("got %v, %v", u, err)
	}
}

func FuzzURLKey(f *testing.F) {
	for _, s := range []string{"https://example.com/a?utm_source=x", "http://AMP.example.com:80/amp/a/", "https://example.com/%7Euser/?b=1&a=2#f"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := URLKey(s)
		if k == "" {
			return
		}
		// A key is its own key: normalising twice changes nothing.
		if k2 := URLKey(k); k2 != k {
			t.Errorf("URLKey(%q) = %q, but URLKey of that = %q", s, k, k2)
		}
	})
}
