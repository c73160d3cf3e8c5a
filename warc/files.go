package warc

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"github.com/klauspost/compress/gzip"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	gowarc "github.com/nlnwa/gowarc/v3"
	"github.com/scoopkit/scoop"
)

// DefaultMaxFileSize is the size at which a Recorder starts a new file.
const DefaultMaxFileSize = 1 << 30

// openSuffix marks a file that is still being written.
const openSuffix = ".open"

// fileSet writes gzipped WARC records to PREFIX-00001.warc.gz,
// PREFIX-00002.warc.gz, …, starting a new file when the next write would
// take the current one past maxSize. Records are compressed by the
// caller, each in its own gzip member, and handed over in one Write, so
// that a process killed at any moment leaves at most one torn member at
// the end of a file, and a write that fails is cut back off the file.
type fileSet struct {
	prefix   string
	maxSize  int64
	sync     bool
	software string

	mu     sync.Mutex
	f      *os.File
	name   string // base name without openSuffix
	size   int64
	serial int
	err    error // a failed write's, returned from then on
	done   []string
}

// newFileSet prepares to write files named after path, which may end in
// ".warc.gz": crawl.warc.gz gives crawl-00001.warc.gz and so on. The
// first serial is one past the highest among the files already there,
// closed or not, so that a resumed crawl never writes into an earlier
// run's file.
func newFileSet(path string, maxSize int64, software string) (*fileSet, error) {
	prefix := strings.TrimSuffix(strings.TrimSuffix(path, ".gz"), ".warc")
	if prefix == "" || strings.HasSuffix(prefix, string(filepath.Separator)) {
		return nil, fmt.Errorf("scoop: WARC file name %q has no base name", path)
	}
	if maxSize <= 0 {
		maxSize = DefaultMaxFileSize
	}
	fs := &fileSet{prefix: prefix, maxSize: maxSize, software: software}
	dir, base := filepath.Split(prefix)
	if dir == "" {
		dir = "."
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("scoop: WARC directory: %w", err)
	}
	rx := regexp.MustCompile(`^` + regexp.QuoteMeta(base) + `-(\d{5,})\.warc\.gz(` + regexp.QuoteMeta(openSuffix) + `)?$`)
	for _, e := range entries {
		if m := rx.FindStringSubmatch(e.Name()); m != nil {
			if n, err := strconv.Atoi(m[1]); err == nil && n > fs.serial {
				fs.serial = n
			}
			if m[2] != "" {
				if err := closeLeftover(filepath.Join(dir, e.Name())); err != nil {
					return nil, err
				}
			}
		}
	}
	return fs, nil
}

// closeLeftover finishes a file that a killed run left open, unless a
// live process holds it: a torn last record is cut off and the open
// suffix dropped, so that the file has the name the records of that
// run give it.
func closeLeftover(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return fmt.Errorf("scoop: WARC file left open: %w", err)
	}
	defer f.Close()
	if !lockFile(f) {
		return nil
	}
	end, err := wholeMembers(f)
	if err != nil {
		return fmt.Errorf("scoop: WARC file left open: %s: %w", path, err)
	}
	if err := f.Truncate(end); err != nil {
		return fmt.Errorf("scoop: WARC file left open: %w", err)
	}
	if err := f.Sync(); err != nil {
		return fmt.Errorf("scoop: WARC file left open: %w", err)
	}
	if err := os.Rename(path, strings.TrimSuffix(path, openSuffix)); err != nil {
		return fmt.Errorf("scoop: WARC file left open: %w", err)
	}
	return nil
}

// wholeMembers returns where the last whole gzip member of f ends.
func wholeMembers(f *os.File) (int64, error) {
	cr := &countingReader{r: f}
	br := bufio.NewReaderSize(cr, 64<<10)
	var zr *gzip.Reader
	var end int64
	for {
		if _, err := br.Peek(1); err == io.EOF {
			return end, nil
		}
		var err error
		if zr == nil {
			zr, err = gzip.NewReader(br)
		} else {
			err = zr.Reset(br)
		}
		if err == nil {
			zr.Multistream(false)
			_, err = io.Copy(io.Discard, zr)
		}
		if err != nil {
			// A torn member, as a kill leaves; any other damage stops
			// the repair there too: what follows cannot be trusted.
			var pe *os.PathError
			if errors.As(err, &pe) {
				return 0, err
			}
			return end, nil
		}
		end = cr.n - int64(br.Buffered())
	}
}

// write appends the gzip members in buf as one write and returns the
// file's base name and the offset buf starts at.
func (fs *fileSet) write(buf []byte) (name string, offset int64, err error) {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	if fs.err != nil {
		return "", 0, fs.err
	}
	if fs.f != nil && fs.size > 0 && fs.size+int64(len(buf)) > fs.maxSize {
		if err := fs.closeFile(); err != nil {
			fs.err = err
			return "", 0, err
		}
	}
	if fs.f == nil {
		if err := fs.openFile(); err != nil {
			fs.err = err
			return "", 0, err
		}
	}
	offset = fs.size
	if err := fs.append(buf); err != nil {
		fs.err = err
		return "", 0, err
	}
	return fs.name, offset, nil
}

// append writes buf at the end of the current file, cutting back what a
// failed write left.
func (fs *fileSet) append(buf []byte) error {
	n, err := fs.f.Write(buf)
	if err == nil && fs.sync {
		err = fs.f.Sync()
	}
	if err != nil {
		if n > 0 {
			if terr := fs.f.Truncate(fs.size); terr != nil {
				return fmt.Errorf("scoop: WARC write: %w (a torn record of %d bytes is left: %v)", err, n, terr)
			}
			if _, serr := fs.f.Seek(fs.size, io.SeekStart); serr != nil {
				return fmt.Errorf("scoop: WARC write: %w (%v)", err, serr)
			}
		}
		return fmt.Errorf("scoop: WARC write: %w", err)
	}
	fs.size += int64(n)
	return nil
}

func (fs *fileSet) openFile() error {
	var f *os.File
	var path string
	// Another process writing under the same name (crawls sharing a
	// frontier) may take a serial first: the next free one is used. The
	// open file is created exclusively, so that no two writers share a
	// serial, and the finished name must not exist yet, so that closing
	// never replaces a file.
	for tries := 0; ; tries++ {
		fs.serial++
		fs.name = fmt.Sprintf("%s-%05d.warc.gz", filepath.Base(fs.prefix), fs.serial)
		path = filepath.Join(filepath.Dir(fs.prefix), fs.name) + openSuffix
		if _, err := os.Lstat(strings.TrimSuffix(path, openSuffix)); err == nil && tries < 1000 {
			continue
		}
		var err error
		f, err = os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
		if errors.Is(err, os.ErrExist) && tries < 1000 {
			continue
		}
		if err != nil {
			return fmt.Errorf("scoop: WARC file: %w", err)
		}
		break
	}
	lockFile(f) // marks the file as being written, for a later run
	fs.f, fs.size = f, 0
	info, err := warcinfo(fs.name, fs.software)
	if err == nil {
		err = fs.append(info)
	}
	if err != nil {
		f.Close()
		os.Remove(path)
		fs.f = nil
		return err
	}
	return nil
}

// closeFile closes the current file and drops its open suffix.
func (fs *fileSet) closeFile() error {
	if fs.f == nil {
		return nil
	}
	f := fs.f
	fs.f = nil
	err := f.Sync()
	if e := f.Close(); err == nil {
		err = e
	}
	if err == nil {
		err = os.Rename(f.Name(), strings.TrimSuffix(f.Name(), openSuffix))
	}
	if err != nil {
		return fmt.Errorf("scoop: closing WARC file: %w", err)
	}
	fs.done = append(fs.done, fs.name)
	return nil
}

// close closes the current file; later writes fail.
func (fs *fileSet) close() error {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	err := fs.closeFile()
	if fs.err == nil {
		fs.err = errClosed
	}
	return err
}

var errClosed = errors.New("scoop: WARC recorder closed")

// warcinfo is the gzipped warcinfo record that opens each file.
func warcinfo(name, software string) ([]byte, error) {
	b := newBuilder(gowarc.Warcinfo)
	b.AddWarcHeaderTime(gowarc.WarcDate, time.Now().UTC())
	b.AddWarcHeader(gowarc.WarcFilename, name)
	b.AddWarcHeader(gowarc.ContentType, gowarc.ApplicationWarcFields)
	fmt.Fprintf(b, "software: %s\r\nformat: WARC File Format 1.1\r\nconformsTo: http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n", software)
	rec, _, err := b.Build()
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := marshalGzip(&buf, rec); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

var gzipPool = sync.Pool{New: func() any { w, _ := gzip.NewWriterLevel(nil, gzip.DefaultCompression); return w }}

// marshalGzip appends rec to buf as one gzip member and closes rec.
func marshalGzip(buf *bytes.Buffer, rec gowarc.WarcRecord) error {
	defer rec.Close()
	gz := gzipPool.Get().(*gzip.Writer)
	defer gzipPool.Put(gz)
	gz.Reset(buf)
	if _, _, err := gowarc.NewMarshaler().Marshal(gz, rec, 0); err != nil {
		return err
	}
	return gz.Close()
}

// softwareName names scoop in warcinfo records.
var softwareName = "scoop/" + scoop.Version + " (gowarc v3)"
