//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package index

import "os"

// lockDir does not lock on systems without flock(2); bolt's own lock
// (with scorch's bolt_timeout) is then the only guard.
func lockDir(dir string, exclusive bool) (*os.File, error) { return nil, nil }

func unlockDir(f *os.File) {}
