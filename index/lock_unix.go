//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package index

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// lockDir flocks DIR/write.lock without blocking: exclusively for a
// writer, shared for a reader. Each call opens the file anew, so the lock
// belongs to this open file description: a second open in the same
// process conflicts like another process would, and the kernel releases
// the lock when the process dies. A writer records its pid in the file for
// the error message of the next one.
func lockDir(dir string, exclusive bool) (*os.File, error) {
	name := filepath.Join(dir, lockFile)
	flag := os.O_RDWR | os.O_CREATE
	if !exclusive {
		flag = os.O_RDONLY
	}
	f, err := os.OpenFile(name, flag, 0o644)
	if !exclusive && errors.Is(err, fs.ErrNotExist) {
		// An index copied without its lock file, or on read-only media:
		// there is no writer to exclude.
		return nil, nil
	}
	if !exclusive && errors.Is(err, fs.ErrPermission) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("lock index %s: %w", dir, err)
	}
	how := syscall.LOCK_SH
	if exclusive {
		how = syscall.LOCK_EX
	}
	if err := flock(f, how|syscall.LOCK_NB); err != nil {
		_ = f.Close()
		if !errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, fmt.Errorf("lock index %s: %w", dir, err)
		}
		return nil, lockedError(dir, exclusive)
	}
	if exclusive {
		// Best effort: the pid only improves the next error message.
		if err := f.Truncate(0); err == nil {
			_, _ = f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
		}
	}
	return f, nil
}

// lockedError explains who holds the lock. Whether a shared lock can still
// be had tells a writer from readers.
func lockedError(dir string, exclusive bool) error {
	name := filepath.Join(dir, lockFile)
	writer := true
	if g, err := os.Open(name); err == nil {
		if flock(g, syscall.LOCK_SH|syscall.LOCK_NB) == nil {
			writer = false
		}
		_ = g.Close()
	}
	if !writer {
		// Only possible when we wanted to write.
		return fmt.Errorf("index %s is open read-only by another reportbot process; a writer needs it to itself (bolt forbids readers beside a writer): %w", dir, ErrLocked)
	}
	pid := ""
	if b, err := os.ReadFile(name); err == nil {
		if s := strings.TrimSpace(string(b)); s != "" {
			pid = " (pid " + s + ")"
		}
	}
	if exclusive {
		return fmt.Errorf("index %s is being written by another reportbot process%s: %w", dir, pid, ErrLocked)
	}
	return fmt.Errorf("index %s is being written by another reportbot process%s; search it through that process or after it ends: %w", dir, pid, ErrLocked)
}

func flock(f *os.File, how int) error {
	for {
		err := syscall.Flock(int(f.Fd()), how)
		if err != syscall.EINTR {
			return err
		}
	}
}

// unlockDir releases a lock from lockDir; a writer clears its pid first.
func unlockDir(f *os.File) {
	if f == nil {
		return
	}
	_ = f.Truncate(0) // fails harmlessly for a reader's O_RDONLY file
	_ = flock(f, syscall.LOCK_UN)
	_ = f.Close()
}
