//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package main

// flushWrites does nothing where there is no sync(2).
func flushWrites() {}
