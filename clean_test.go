package scoop

import (
	"strings"
	"testing"
)

// A figure that holds only a link, an embed whose script did not run,
// goes; a figure with an image and a caption stays.
func TestEmbedFallback(t *testing.T) {
	para := "<p>Whale whisperer Hori Parata was just seven years old when he attended his first mass stranding, a beaching of porpoises in Northland.</p>"
	page := `<html lang="en"><body><article><h1>What is the sea telling us?</h1>` + strings.Repeat(para, 3) +
		`<figure data-interactive="https://interactive.example.com/boot.js"><a href="https://interactive.example.com/embed/2019/01/stranded_whales/">whale strandings</a></figure>` +
		strings.Repeat(para, 2) +
		`<figure><img src="/whale.jpg" alt=""><figcaption><a href="/photos/whale">A stranded pilot whale on Farewell Spit</a></figcaption></figure>` +
		`</article></body></html>`
	a, err := Extract(strings.NewReader(page), "https://www.example.com/environment/2019/jan/03/whale-strandings")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(a.Text, "whale strandings") || strings.Count(a.Text, "Whale whisperer") != 5 {
		t.Errorf("embed kept or prose lost:\n%s", a.Text)
	}
}
