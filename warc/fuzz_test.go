package warc

import (
	"bytes"
	"io"
	"testing"
)

// FuzzReader feeds damaged WARC files to the Reader: it must end, with
// records or errors, never panic.
func FuzzReader(f *testing.F) {
	recs := []rawRecord{}
	for _, r := range ccNews(&testing.T{}) {
		if len(r.block) < 3000 { // small seeds mutate better
			recs = append(recs, r)
		}
	}
	for _, data := range layouts(recs) {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		rd := NewReader(bytes.NewReader(data), "fuzz.warc")
		rd.MaxRecordSize = 1 << 20
		for i := 0; ; i++ {
			if i > 10000 {
				t.Fatal("the reader does not end")
			}
			_, err := rd.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				if _, ok := err.(*RecordError); !ok {
					break // fatal
				}
			}
		}
		rd.Close()
	})
}
