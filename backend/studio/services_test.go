package studio

// testStudio puts every service of one studio behind one value, so the
// tests of each domain call its methods directly.
type testStudio struct {
	*core
	*Profiles
	*Environment
	*Keys
	*KeyTests
	*Thinking
	*Exports
	*Costs
	*Repos
	*Concurrency
	*DryRuns
	*Kodus
	*Lines
}

func allServices(s *Studio) *testStudio {
	return &testStudio{s.c, s.Profiles(), s.Environment(), s.Keys(), s.KeyTests(), s.Thinking(), s.Exports(), s.Costs(),
		s.Repos(), s.Concurrency(), s.DryRuns(), s.Kodus(), s.Lines()}
}

func openAll(opts Options) (*testStudio, error) {
	s, err := Open(opts)
	if err != nil {
		return nil, err
	}
	return allServices(s), nil
}
