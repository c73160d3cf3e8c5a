package benchmark

import "path/filepath"

// GooseModule is the Go module whose test folder sites/ holds real news
// pages saved between 2015 and 2019 (BBC, CNN, The Guardian, Bloomberg and
// others), with the extraction its authors expected of their own library.
// No rule of scoop's was drawn from them before December 2026: they are a
// source of unseen pages, labelled by hand in testdata (dates, related
// stories). Pages are read from the module cache, never copied here.
const GooseModule = "github.com/advancedlogic/GoOse"

// GooseSitesDir returns the folder of GooseModule's saved pages.
func GooseSitesDir() (string, error) {
	dir, err := moduleDir(GooseModule)
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "sites"), nil
}
