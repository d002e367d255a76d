//go:build desktop || dev || production || bindings

package buildinfo

// GUI reports whether the Wails GUI is compiled into this binary.
const GUI = true

// DevServer reports a `dev`-tagged build, which serves the UI to a browser
// (-devserver/-assetdir) for end-to-end tests.
const DevServer = devTag
