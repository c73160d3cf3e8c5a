package scoop

import (
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"
)

// trackingParams are query parameters that only say how a reader arrived,
// never which page they asked for.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "dclid": true, "gbraid": true, "wbraid": true,
	"msclkid": true, "yclid": true, "igshid": true, "mc_cid": true, "mc_eid": true,
	"_ga": true, "_gl": true, "_hsenc": true, "_hsmi": true, "mkt_tok": true,
	"ocid": true, "cmpid": true, "ncid": true, "smid": true, "sr_share": true,
	"ito":     true,
	"ref_src": true, "ref_url": true, "at_medium": true, "at_campaign": true,
	"spm": true, "share": true, "s_cid": true, "wt.mc_id": true, "twclid": true,
	"li_fat_id": true, "oly_enc_id": true, "oly_anon_id": true, "vero_id": true,
	"rb_clickid": true, "soc_src": true, "soc_trk": true, "__twitter_impression": true,
	"wt_mc": true, "wt_zmc": true,
}

// ampParams are query parameters that ask for the AMP rendering of a page.
var ampParams = map[string]bool{"amp": true, "amp_js_v": true, "usqp": true}

// CleanURL resolves ref against base and returns the address scoop
// fetches for it: lower-case scheme and host, no default port, no
// fragment, no tracking parameters (utm_*, Matomo's pk_* and mtm_*,
// fbclid, gclid and similar), and an AMP variant (…/amp, ?amp=1, amp.
// host) replaced by the page it renders. base may be nil when ref is
// absolute. Only http and https addresses are accepted.
//
// Trailing slashes and parameter order are left alone, since servers may
// tell them apart; URLKey ignores them.
func CleanURL(base *url.URL, ref string) (*url.URL, error) {
	ref = strings.TrimSpace(ref)
	u, err := url.Parse(ref)
	if err != nil {
		return nil, ErrInvalidURL
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" || u.Opaque != "" {
		return nil, ErrInvalidURL
	}
	u.User = nil
	u.Fragment, u.RawFragment = "", ""
	host := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	port := u.Port()
	if n, err := strconv.Atoi(port); port != "" && (err != nil || n < 1 || n > 65535) {
		return nil, ErrInvalidURL
	}
	if port == "80" && u.Scheme == "http" || port == "443" && u.Scheme == "https" {
		port = ""
	}
	if h, ok := strings.CutPrefix(host, "amp."); ok && strings.Contains(h, ".") {
		host = h
	}
	if host == "" {
		return nil, ErrInvalidURL
	}
	if port != "" {
		u.Host = host + ":" + port
	} else if strings.Contains(host, ":") {
		u.Host = "[" + host + "]"
	} else {
		u.Host = host
	}
	if u.Path == "" {
		u.Path, u.RawPath = "/", ""
	} else if strings.Contains(u.Path, "/.") {
		clean := path.Clean(u.Path)
		if strings.HasSuffix(u.Path, "/") && clean != "/" {
			clean += "/"
		}
		u.Path, u.RawPath = clean, ""
	}
	if p, ok := trimAMPPath(u.Path); ok {
		u.Path, u.RawPath = p, ""
	}
	if u.RawQuery != "" {
		q := strings.Split(u.RawQuery, "&")
		kept := q[:0]
		for _, kv := range q {
			k, v, _ := strings.Cut(kv, "=")
			k, _ = url.QueryUnescape(k)
			lk := strings.ToLower(k)
			switch {
			case kv == "":
			case strings.HasPrefix(lk, "utm_") || strings.HasPrefix(lk, "pk_") || strings.HasPrefix(lk, "mtm_") || trackingParams[lk] || ampParams[lk]:
			case lk == "outputtype" && strings.EqualFold(v, "amp"):
			default:
				kept = append(kept, kv)
			}
		}
		u.RawQuery = strings.Join(kept, "&")
	}
	u.ForceQuery = false
	return u, nil
}

// trimAMPPath maps the common AMP path forms to the page they render:
// /story/amp, /story/amp/, /amp/story, /story.amp.html and /story.amp.
func trimAMPPath(p string) (string, bool) {
	switch {
	case strings.HasSuffix(p, "/amp/"):
		return p[:len(p)-len("amp/")], true
	case strings.HasSuffix(p, "/amp"):
		return p[:len(p)-len("amp")], true
	case strings.HasPrefix(p, "/amp/") && len(p) > len("/amp/"):
		return p[len("/amp"):], true
	case strings.HasSuffix(p, ".amp.html"):
		return p[:len(p)-len(".amp.html")] + ".html", true
	case strings.HasSuffix(p, ".amp"):
		return p[:len(p)-len(".amp")], true
	}
	return p, false
}

// URLKey returns the identity scoop gives an address when deciding whether
// it has seen a story: CleanURL's result without a trailing slash and with
// its query parameters sorted. Two addresses with the same key are fetched
// once. It returns "" for an address CleanURL refuses.
func URLKey(raw string) string {
	u, err := CleanURL(nil, raw)
	if err != nil {
		return ""
	}
	return keyOf(u)
}

// keyOf is URLKey for an address CleanURL has already made.
func keyOf(u *url.URL) string {
	k := *u
	if len(k.Path) > 1 {
		k.Path = strings.TrimRight(k.Path, "/")
		if k.Path == "" {
			k.Path = "/"
		}
		k.RawPath = ""
	}
	if strings.Contains(k.RawQuery, "&") {
		q := strings.Split(k.RawQuery, "&")
		slices.Sort(q)
		k.RawQuery = strings.Join(q, "&")
	}
	// Scheme is part of the key: a site that serves both usually
	// redirects one to the other, and the redirect is deduplicated then.
	return k.String()
}
