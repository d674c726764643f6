package answer

// IndexDir is the folder of the engine's index, where a front end may
// keep small files of its own beside it (the bot's access list and
// feedback); "" when the index has no folder (in memory, or a test's
// fake).
func (e *Engine) IndexDir() string {
	if d, ok := e.Index.(interface{ Dir() string }); ok {
		return d.Dir()
	}
	return ""
}
