package warc

import (
	"crypto/rand"
	"fmt"
	"sync"

	gowarc "github.com/nlnwa/gowarc/v3"
)

// gowarc v3.1.0 calls uuid.EnableRandPool, which sets a global of
// github.com/google/uuid, each time it makes a record builder or an
// unmarshaler, while uuid.New reads that global: a data race between
// goroutines that build records. So builders and unmarshalers are made
// one at a time, and record IDs come from newRecordID, which does not
// read it.
var optionsMu sync.Mutex

func newBuilder(t gowarc.RecordType) gowarc.WarcRecordBuilder {
	optionsMu.Lock()
	defer optionsMu.Unlock()
	return gowarc.NewRecordBuilder(t, recordOptions...)
}

func newUnmarshaler(opts ...gowarc.WarcRecordOption) gowarc.Unmarshaler {
	optionsMu.Lock()
	defer optionsMu.Unlock()
	return gowarc.NewUnmarshaler(opts...)
}

// newRecordID returns a random (version 4) UUID as a URN.
func newRecordID() (string, error) {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", err
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("urn:uuid:%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16]), nil
}

// recordOptions build records with SHA-1 digests in base 32, as most
// WARC tools write them.
var recordOptions = []gowarc.WarcRecordOption{
	gowarc.WithAddMissingDigest(true),
	gowarc.WithDefaultDigestAlgorithm("sha1"),
	gowarc.WithDefaultDigestEncoding(gowarc.Base32),
	gowarc.WithRecordIdFunc(newRecordID),
}
