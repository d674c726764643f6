//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package main

import "syscall"

// flushWrites asks the kernel to write every dirty page to disk, so that
// one timed phase of bench does not pay for the writes of the one before
// (hundreds of MB of index written back while the next phase runs).
func flushWrites() { syscall.Sync() }
