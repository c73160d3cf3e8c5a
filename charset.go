package scoop

import (
	"bytes"
	"mime"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
)

// metaScanLimit bounds how far into a document a <meta charset> is looked
// for. Browsers stop at 1024 bytes, but many CMSs print scripts and
// comments first, so pages declare their charset later than that.
const metaScanLimit = 64 << 10

// toUTF8 returns the document as UTF-8. The encoding comes from, in order:
// a byte order mark, the HTTP Content-Type, a <meta> declaration anywhere
// in the head, the bytes being valid UTF-8, and lastly the page language,
// as browsers default by locale. Bytes that are valid UTF-8 with non-ASCII
// content win over a declared legacy charset: a page served from a UTF-8
// CMS under a stale windows-1252 declaration is far more common than
// legacy text that happens to be valid UTF-8.
func toUTF8(raw []byte, contentType string) []byte {
	if e, n := bomEncoding(raw); e != nil {
		return decodeWith(e, raw[n:])
	}
	if utf8.Valid(raw) {
		return raw
	}
	label := headerCharset(contentType)
	if label == "" {
		label = metaCharset(raw)
	}
	var enc encoding.Encoding
	if label != "" {
		enc, _ = charset.Lookup(label)
	}
	if enc == encoding.Nop || enc == unicode.UTF8 {
		return validUTF8(raw)
	}
	if enc == nil {
		enc = localeEncoding(raw)
	}
	return decodeWith(enc, raw)
}

func bomEncoding(b []byte) (encoding.Encoding, int) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		return unicode.UTF8, 3
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), 2
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), 2
	}
	return nil, 0
}

func headerCharset(contentType string) string {
	if contentType == "" {
		return ""
	}
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		return ""
	}
	return params["charset"]
}

// metaCharset finds the first <meta charset> or http-equiv Content-Type
// declaration before the body starts.
func metaCharset(raw []byte) string {
	if len(raw) > metaScanLimit {
		raw = raw[:metaScanLimit]
	}
	z := html.NewTokenizer(bytes.NewReader(raw))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch string(name) {
			case "body":
				return ""
			case "meta":
				var httpEquiv, content string
				for hasAttr {
					var k, v []byte
					k, v, hasAttr = z.TagAttr()
					switch string(k) {
					case "charset":
						return strings.TrimSpace(string(v))
					case "http-equiv":
						httpEquiv = string(v)
					case "content":
						content = string(v)
					}
				}
				if strings.EqualFold(httpEquiv, "content-type") {
					if cs := headerCharset(content); cs != "" {
						return cs
					}
				}
			}
		}
	}
}

// localeEncoding guesses the legacy encoding of an undeclared page from
// its lang attribute, the way browsers fall back on the user's locale.
func localeEncoding(raw []byte) encoding.Encoding {
	lang := ""
	if i := bytes.Index(raw[:min(len(raw), metaScanLimit)], []byte("lang=")); i >= 0 {
		rest := bytes.TrimLeft(raw[i+5:], `"' `)
		if len(rest) >= 2 {
			lang = strings.ToLower(string(rest[:2]))
		}
	}
	label := map[string]string{
		"ja": "shift_jis", "zh": "gbk", "ko": "euc-kr", "ru": "windows-1251",
		"uk": "windows-1251", "bg": "windows-1251", "el": "windows-1253",
		"tr": "windows-1254", "he": "windows-1255", "ar": "windows-1256",
		"pl": "windows-1250", "cs": "windows-1250", "hu": "windows-1250",
		"th": "windows-874", "vi": "windows-1258",
	}[lang]
	if label == "" {
		label = "windows-1252"
	}
	e, _ := charset.Lookup(label)
	return e
}

func decodeWith(e encoding.Encoding, b []byte) []byte {
	out, err := e.NewDecoder().Bytes(b)
	if err != nil {
		return validUTF8(b)
	}
	return validUTF8(out)
}

func validUTF8(b []byte) []byte {
	if utf8.Valid(b) {
		return b
	}
	return bytes.ToValidUTF8(b, []byte("\uFFFD"))
}
