package thinking

import "github.com/kodusbyok/studio/backend/kodusline"

// mid is the mid-2026 line: the tests written before release lines pin
// its rules, and its golden files are today's.
var mid = kodusline.MustGet(kodusline.Mid2026)
