package main

import (
	"fmt"
	"log"
	"runtime"
	"strings"
	"sync"

	"github.com/scoopkit/scoop/benchmark"
)

func devMain(mode, part, file string, peer bool) {
	score := benchmark.ScoreScoop
	if peer {
		score = scorePeer
	}
	dir, err := benchmark.DevModuleDir()
	if err != nil {
		log.Fatal(err)
	}
	all, err := benchmark.LoadDevSet(dir)
	if err != nil {
		log.Fatal(err)
	}
	var pages []*benchmark.DevPage
	for i := range all {
		p := &all[i]
		if file != "" && !strings.Contains(p.Path, file) {
			continue
		}
		if file == "" && (part == "tune" && p.Check || part == "check" && !p.Check) {
			continue
		}
		pages = append(pages, p)
	}
	results := make([]benchmark.DevResult, len(pages))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				results[i] = score(pages[i])
			}
		})
	}
	for i := range pages {
		next <- i
	}
	close(next)
	wg.Wait()

	s := benchmark.SummarizeDev(results)
	fmt.Printf("%s part: %d pages  body F %.3f (P %.3f R %.3f)  refused %d  title %.3f (%d/%d)  day %.3f (right %d, wrong %d, none %d of %d)\n",
		part, s.Pages, s.Body.F(), s.Body.Precision(), s.Body.Recall(), s.Refused,
		s.TitleRate(), s.TitleRight, s.Titled, s.DayRate(), s.DayRight, s.DayWrong, s.DayNone, s.Dated)
	switch mode {
	case "body":
		for _, r := range results {
			if r.FN+r.FP == 0 {
				continue
			}
			fmt.Printf("\n%s  FN %d FP %d %s\n", r.Page.Path, r.FN, r.FP, r.Refused)
			text := strings.Join(strings.Fields(r.Text), " ")
			for _, w := range r.Page.With {
				if !strings.Contains(text, strings.Join(strings.Fields(w), " ")) {
					fmt.Printf("  missing: %q\n", w)
				}
			}
			for _, w := range r.Page.Without {
				if text != "" && strings.Contains(text, strings.Join(strings.Fields(w), " ")) {
					fmt.Printf("  kept:    %q\n", w)
				}
			}
		}
	case "title":
		for _, r := range s.WrongTitles {
			fmt.Printf("%s\n  want %q\n  got  %q\n", r.Page.Path, r.Page.Title, r.Title)
		}
	case "date":
		for _, r := range append(s.WrongDays, s.MissedDays...) {
			fmt.Printf("%-70s want %s got %q %s\n", r.Page.Path, r.Page.Date, r.Day, r.Refused)
		}
	case "refused":
		for _, r := range s.RefusedResults {
			fmt.Printf("%-70s %s\n", r.Page.Path, r.Refused)
		}
	case "page":
		for _, r := range results {
			fmt.Printf("%s  %s\nrefused %q\ntitle %q (want %q)\nday %q (want %q)\nwith %q\nwithout %q\n\n%s\n",
				r.Page.Path, r.Page.URL, r.Refused, r.Title, r.Page.Title, r.Day, r.Page.Date, r.Page.With, r.Page.Without, r.Text)
		}
	}
}
