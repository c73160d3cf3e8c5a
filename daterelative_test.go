package scoop

import (
	"strings"
	"testing"
	"time"
)

// A relative dateline is read against the clock the caller sets, the
// fetch time, and not at all against the machine's own clock.
func TestRelativeDates(t *testing.T) {
	prose := strings.Repeat(`<p>The council voted on Tuesday to rebuild the harbour wall before winter storms, after engineers found cracks along its length.</p>`, 4)
	fetched := time.Date(2025, 3, 4, 15, 0, 0, 0, time.UTC)
	tests := []struct{ line, want string }{
		{"3 hours ago", "2025-03-04T12:00:00Z"},
		{"vor 2 Tagen", "2025-03-02T15:00:00Z"},
		{"il y a 45 minutes", "2025-03-04T14:15:00Z"},
		{"hace 1 hora", "2025-03-04T14:00:00Z"},
		{"5時間前", "2025-03-04T10:00:00Z"},
		{"3 часа назад", "2025-03-04T12:00:00Z"},
		{"2 дні тому", "2025-03-02T15:00:00Z"},
		{"15 minut temu", "2025-03-04T14:45:00Z"},
		{"3 saat önce", "2025-03-04T12:00:00Z"},
		{"2 giờ trước", "2025-03-04T13:00:00Z"},
		{"3小时前", "2025-03-04T12:00:00Z"},
		{"منذ ٣ ساعات", "2025-03-04T12:00:00Z"},
		{"2 jam yang lalu", "2025-03-04T13:00:00Z"},
		{"för 3 timmar sedan", "2025-03-04T12:00:00Z"},
		{"πριν 2 ώρες", "2025-03-04T13:00:00Z"},
		{"לפני 3 שעות", "2025-03-04T12:00:00Z"},
		{"acum 2 ore", "2025-03-04T13:00:00Z"},
		{"2일 전", "2025-03-02T15:00:00Z"},
	}
	for _, tt := range tests {
		page := `<article><h1>Harbour wall to be rebuilt</h1><span class="time">` + tt.line + `</span>` + prose + `</article>`
		e := Extractor{Now: func() time.Time { return fetched }}
		a, err := e.Extract(strings.NewReader(page), "https://news.example.com/harbour")
		if err != nil {
			t.Fatal(err)
		}
		if a.Published == nil || a.Published.Format(time.RFC3339) != tt.want {
			t.Errorf("%q: published %v, want %s", tt.line, a.Published, tt.want)
		}
		a, err = Extract(strings.NewReader(page), "https://news.example.com/harbour")
		if err != nil {
			t.Fatal(err)
		}
		if a.Published != nil {
			t.Errorf("%q read without a clock set: %v", tt.line, a.Published)
		}
	}
}
