// Package api serves the page index over HTTP.
package api

import (
	"encoding/json"
	"errors"
	"log"
	"net/http"
	"strconv"
	"strings"
	"sync"
)

// Page is one entry of the index.
type Page struct {
	Path  string `json:"path"`
	Title string `json:"title"`
	Words int    `json:"words"`
}

type Index struct {
	mu    sync.RWMutex
	pages map[string]Page
}

var ErrNotFound = errors.New("page not found")

func (ix *Index) Get(path string) (Page, error) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	p, ok := ix.pages[path]
	if !ok {
		return Page{}, ErrNotFound
	}
	return p, nil
}

func (ix *Index) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	path := strings.TrimPrefix(r.URL.Path, "/api/pages")
	switch {
	case r.Method != http.MethodGet:
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
	case path == "" || path == "/":
		ix.list(w, r)
	default:
		p, err := ix.Get(path)
		if errors.Is(err, ErrNotFound) {
			http.NotFound(w, r)
			return
		}
		writeJSON(w, p)
	}
}

func (ix *Index) list(w http.ResponseWriter, r *http.Request) {
	limit, err := strconv.Atoi(r.URL.Query().Get("limit"))
	if err != nil || limit <= 0 {
		limit = 50
	}
	ix.mu.RLock()
	out := make([]Page, 0, len(ix.pages))
	for _, p := range ix.pages {
		if len(out) >= limit {
			break
		}
		out = append(out, p)
	}
	ix.mu.RUnlock()
	writeJSON(w, out)
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	if err := json.NewEncoder(w).Encode(v); err != nil {
		log.Printf("encode: %v", err)
	}
}
