// Package profile writes runtime/pprof profiles of phases of a run into a
// directory, for the benchmark's -profile flag. An empty directory means
// profiling is off, so that callers profile unconditionally and pay
// nothing when it is not asked for.
package profile

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
)

// StartCPU profiles the CPU into dir/name until the returned function is
// called; with dir "" it does nothing.
func StartCPU(dir, name string) (stop func(), err error) {
	if dir == "" {
		return func() {}, nil
	}
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		return nil, fmt.Errorf("cpu profile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("cpu profile: %w", err)
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

// Write writes the named runtime/pprof profile (block, mutex, ...) to
// dir/name; with dir "" it does nothing.
func Write(dir, name, profile string) error {
	if dir == "" {
		return nil
	}
	p := pprof.Lookup(profile)
	if p == nil {
		return fmt.Errorf("no %s profile", profile)
	}
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		return fmt.Errorf("%s profile: %w", profile, err)
	}
	if err := p.WriteTo(f, 0); err != nil {
		f.Close()
		return fmt.Errorf("%s profile: %w", profile, err)
	}
	return f.Close()
}

// WriteHeap writes the heap profile (in use, and allocated since the
// start) to dir/name after a garbage collection, so that in-use figures
// are of live memory; with dir "" it does nothing.
func WriteHeap(dir, name string) error {
	if dir == "" {
		return nil
	}
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		return fmt.Errorf("heap profile: %w", err)
	}
	runtime.GC()
	if err := pprof.WriteHeapProfile(f); err != nil {
		f.Close()
		return fmt.Errorf("heap profile: %w", err)
	}
	return f.Close()
}
