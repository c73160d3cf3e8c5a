package scoop

import (
	"strings"
	"testing"
)

// A lead set apart from the body (its own class, a bigger font, a box
// after the photo) that readability leaves out comes back, once.
func TestLeadRestored(t *testing.T) {
	lead := "Conductores de todo tipo de vehículos están invitados a la bendición anual que ofrecen mañana los Hermanos Franciscanos Capuchinos en la parroquia."
	body := strings.Repeat("<p>La ceremonia comenzará a las ocho de la mañana y se extenderá hasta el mediodía, con una misa al aire libre y la bendición de cada vehículo por orden de llegada.</p>", 4)
	page := `<html lang="es"><head><meta property="og:description" content="` + lead + `"></head><body>` +
		`<article><h1>Darán bendición a vehículos este sábado</h1>` +
		`<div class="hero"><figure><img src="/a.jpg"><figcaption><p>La bendición se realizará mañana. Foto: LN</p></figcaption></figure>` +
		`<p class="lead--lg"><span style="font-size:1.5em">` + lead + `</span></p></div>` +
		`<div class="entry-content">` + body + `</div></article></body></html>`
	a, err := Extract(strings.NewReader(page), "https://www.example.com.py/nacionales/bendicion")
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(a.Text, "Conductores de todo tipo"); n != 1 {
		t.Errorf("lead appears %d times in:\n%s", n, a.Text)
	}
	if !strings.HasPrefix(a.Text, "Conductores") {
		t.Errorf("lead is not first:\n%.200s", a.Text)
	}
}
