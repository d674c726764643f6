package procstat

import (
	"os"
	"testing"
)

func TestReadsProc(t *testing.T) {
	if _, err := os.Stat("/proc/self/status"); err != nil {
		t.Skip("no /proc")
	}
	before := ReadCPU()
	for i := 0; i < 20_000_000; i++ { // some CPU to measure
		_ = i * i
	}
	d := ReadCPU().Sub(before)
	if d.Used < 0 || d.Wall <= 0 || d.BusyCores() < 0 {
		t.Errorf("CPU interval %+v", d)
	}
	if kb := PeakRSSKB(); kb <= 0 {
		t.Errorf("PeakRSSKB = %d", kb)
	}
	if l := LoadAvg(); l == "n/a" || l == "" {
		t.Errorf("LoadAvg = %q", l)
	}
}

func TestBusyCoresOfNothing(t *testing.T) {
	if b := (CPU{}).BusyCores(); b != 0 {
		t.Errorf("BusyCores of an empty interval = %v", b)
	}
}
