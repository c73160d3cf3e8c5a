package scoop

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/gocolly/colly/v2"
)

// statusError is an HTTP status that is not success.
type statusError struct{ code int }

func (e *statusError) Error() string {
	return ErrHTTPStatus.Error() + " " + strconv.Itoa(e.code) + " " + http.StatusText(e.code)
}

func (e *statusError) Is(target error) bool { return target == ErrHTTPStatus }

// classify names the kind of a failed request and says whether trying
// again may help. It goes by the status and by the error's types, never
// by its text.
func classify(status int, err error) (kind ErrorKind, retry bool) {
	var se *statusError
	if status < 300 && errors.As(err, &se) {
		status = se.code
	}
	if status >= 300 {
		return KindHTTP, status == http.StatusTooManyRequests ||
			status >= 500 && status != http.StatusNotImplemented && status != http.StatusHTTPVersionNotSupported
	}
	var dns *net.DNSError
	var ne net.Error
	switch {
	case errors.Is(err, errRedirect), errors.Is(err, colly.ErrForbiddenDomain),
		errors.Is(err, colly.ErrForbiddenURL), errors.Is(err, colly.ErrNoURLFiltersMatch):
		return KindRedirect, false
	case errors.As(err, &dns):
		return KindDNS, dns.IsTimeout || dns.IsTemporary
	case errors.As(err, &ne) && ne.Timeout(), errors.Is(err, context.DeadlineExceeded):
		// Before TLS: a handshake that times out is a timeout.
		return KindTimeout, true
	case isTLSError(err):
		return KindTLS, false
	case errors.Is(err, syscall.ECONNREFUSED):
		return KindRefused, true
	case errors.Is(err, syscall.ECONNRESET):
		return KindReset, true
	case errors.Is(err, io.ErrUnexpectedEOF):
		return KindTruncated, true
	case errors.Is(err, io.EOF), errors.Is(err, net.ErrClosed), errors.Is(err, syscall.EPIPE):
		// Closed before an answer, which a restarting server does.
		return KindNetwork, true
	}
	return KindNetwork, false
}

// isTLSError reports whether err is a failed TLS handshake or a
// certificate that does not verify.
func isTLSError(err error) bool {
	var cv *tls.CertificateVerificationError
	var rh tls.RecordHeaderError
	var ae tls.AlertError
	var ua x509.UnknownAuthorityError
	var he x509.HostnameError
	var ci x509.CertificateInvalidError
	return errors.As(err, &cv) || errors.As(err, &rh) || errors.As(err, &ae) || errors.As(err, &ua) ||
		errors.As(err, &he) || errors.As(err, &ci)
}

// backoff is the wait before retry n+1: exponential from base, with
// "equal jitter" so that retries from many requests spread out.
func backoff(base time.Duration, n int) time.Duration {
	d := base << min(n, 16)
	return d/2 + rand.N(d/2+1)
}

// retryAfter reads a Retry-After header, in seconds or as an HTTP date.
func retryAfter(h http.Header, now time.Time) (time.Duration, bool) {
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0, false
	}
	if s, err := strconv.Atoi(v); err == nil && s >= 0 {
		return time.Duration(s) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}
