// Package procstat reads what Linux's /proc says of this process and of
// the machine: CPU time used, peak resident memory, load average. The
// benchmark reports them beside its timings, because wall times on a
// shared machine mean little without them.
//
// Every reader degrades to a zero value where there is no /proc (other
// systems, a restricted container) rather than failing: the figures
// accompany a benchmark, they are not its result.
package procstat

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"time"
)

// CPU is CPU time used by this process (user and system, all threads)
// at a wall-clock time. It comes from /proc/self/stat (utime + stime, in
// clock ticks of 1/100 s on Linux); pprof agrees with it, while the
// runtime's own /cpu/classes metrics count a P blocked in fsync as busy,
// so they are not used.
type CPU struct {
	Used, Wall float64 // seconds; Used is 0 where there is no /proc
}

// ReadCPU returns the CPU time used so far and the current wall time.
func ReadCPU() CPU {
	now := float64(time.Now().UnixNano()) / 1e9
	b, err := os.ReadFile("/proc/self/stat")
	if err != nil {
		return CPU{Wall: now}
	}
	// The command name (field 2) may hold spaces: count from the ')'.
	s := string(b)
	if i := strings.LastIndexByte(s, ')'); i >= 0 {
		s = s[i+1:]
	}
	f := strings.Fields(s)
	if len(f) < 13 {
		return CPU{Wall: now}
	}
	ut, _ := strconv.ParseFloat(f[11], 64)
	st, _ := strconv.ParseFloat(f[12], 64)
	return CPU{Used: (ut + st) / 100, Wall: now}
}

// Sub is the CPU and wall time from o to c.
func (c CPU) Sub(o CPU) CPU { return CPU{c.Used - o.Used, c.Wall - o.Wall} }

// BusyCores is the average number of cores busy over an interval (a Sub).
func (c CPU) BusyCores() float64 {
	if c.Wall <= 0 {
		return 0
	}
	return c.Used / c.Wall
}

// PeakRSSKB returns this process's peak resident set size (VmHWM) in kB
// from /proc/self/status, or 0 where there is no /proc.
func PeakRSSKB() int64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			return kb
		}
	}
	return 0
}

// LoadAvg is the 1-minute load average from /proc/loadavg, or "n/a".
func LoadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "n/a"
	}
	if f := strings.Fields(string(b)); len(f) > 0 {
		return f[0]
	}
	return "n/a"
}
