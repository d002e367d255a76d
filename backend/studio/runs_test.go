package studio

import (
	"context"
	"testing"
)

func TestRunsCancelAndReplace(t *testing.T) {
	var r Runs
	first, doneFirst := r.Start(context.Background(), "scan")
	second, doneSecond := r.Start(context.Background(), "scan")
	if first.Err() == nil {
		t.Fatal("a new run under the same name did not cancel the old one")
	}
	doneFirst() // the old run ending must not unregister the new one
	r.Cancel("scan")
	if second.Err() == nil {
		t.Fatal("Cancel did not reach the current run")
	}
	doneSecond()
	other, doneOther := r.Start(context.Background(), "measure:1")
	r.Cancel("measure:2")
	if other.Err() != nil {
		t.Fatal("Cancel reached a run of another name")
	}
	doneOther()
	if other.Err() == nil {
		t.Fatal("done did not release the context")
	}
	r.Cancel("nothing") // no run: no effect, no panic
}
