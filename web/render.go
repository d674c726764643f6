package web

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"html/template"
	"net/http"
	"strings"
)

//go:embed templates static
var assets embed.FS

// pageNames are the templates of whole pages; each is parsed with the
// layout, which calls its "content".
var pageNames = []string{"search", "reports", "report", "text", "login", "error", "check"}

// parsePages parses every page with the layout, each into a set of its
// own (they all define "content").
func parsePages() (map[string]*template.Template, error) {
	sets := map[string]*template.Template{}
	for _, name := range pageNames {
		t, err := template.New(name).ParseFS(assets, "templates/layout.html", "templates/parts.html", "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("web: template %s: %w", name, err)
		}
		sets[name] = t
	}
	return sets, nil
}

// layoutView is what the layout shows around every page.
type layoutView struct {
	Title string
	// Nav is the page of the menu that is open: "search", "check" or
	// "reports".
	Nav string
	// Q is the question in the search box.
	Q string
	// Prev is the last answered question, sent with the next one so that
	// it may be a follow-up (济南呢?).
	Prev string
	// Note is the server's note (Config.Note).
	Note string
	Page any
}

// render writes page name with view, rendered in full before the first
// byte is sent (a failed template never leaves half a page, and a slow
// reader never holds anything but its own buffer).
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, view layoutView) {
	view.Note = s.note
	var buf bytes.Buffer
	if err := s.pages[name].ExecuteTemplate(&buf, "layout", view); err != nil {
		s.log.Error("web: render page", "page", name, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	// Pages show the reports of whoever runs the server: no shared cache
	// keeps them.
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(buf.Bytes())
	}
}

// errorView is the page of a failed request.
type errorView struct {
	Status  int
	Message string
}

// fail answers a request that cannot be served: JSON for programs, a page
// for people.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, status int, msg string) {
	if status >= 500 {
		s.log.Warn("web: request failed", "path", r.URL.Path, "status", status, "err", msg)
	}
	if wantsJSON(r) {
		writeError(w, r, status, msg)
		return
	}
	s.render(w, r, status, "error", layoutView{Title: http.StatusText(status), Page: errorView{Status: status, Message: msg}})
}

// wantsJSON tells a program's request from a browser's: the API's paths,
// or an Accept header that asks for JSON and not HTML.
func wantsJSON(r *http.Request) bool {
	if strings.HasPrefix(r.URL.Path, "/api/") {
		return true
	}
	accept := r.Header.Get("Accept")
	return strings.Contains(accept, "application/json") && !strings.Contains(accept, "text/html")
}

// apiError is the body of every error of the API.
type apiError struct {
	Error  string `json:"error"`
	Status int    `json:"status"`
}

// writeError writes an error as JSON with its status.
func writeError(w http.ResponseWriter, r *http.Request, status int, msg string) {
	writeJSON(w, r, status, apiError{Error: msg, Status: status})
}

// writeJSON writes v as JSON, encoded in full before it is sent.
func writeJSON(w http.ResponseWriter, r *http.Request, status int, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		http.Error(w, `{"error":"internal error","status":500}`, http.StatusInternalServerError)
		return
	}
	sendJSON(w, r, status, buf.Bytes())
}

func sendJSON(w http.ResponseWriter, r *http.Request, status int, body []byte) {
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}
