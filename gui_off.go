//go:build !(desktop || dev || production || bindings)

package main

// runGUI in a command-line-only build: there is no window to open.
func runGUI() int { return noGUI() }
