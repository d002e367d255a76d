package envfile_test

import (
	"testing"

	"github.com/kodusbyok/studio/backend/catalog"
	"github.com/kodusbyok/studio/backend/envfile"
	"github.com/kodusbyok/studio/backend/kodusline"
	"github.com/kodusbyok/studio/backend/secrets"
)

// The GUI rebuilds the block and re-plans a merge on every option change;
// both must stay far below what a user can notice.
func BenchmarkBuild(b *testing.B) {
	t := &testing.T{}
	s := draft(t, "glm-5.1", "coding-plan")
	src := envfile.Source{Profile: "team", Main: s, Key: secrets.NewSecret(fakeKeys[catalog.OpenAICompatible]), Catalog: kodusline.MustGet(kodusline.Mid2026).Catalog()}
	for b.Loop() {
		if _, err := envfile.Build(src, envfile.Options{}, now); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMergeInstallerLayout(b *testing.B) {
	t := &testing.T{}
	old := fixture(t)
	blk, err := envfile.Build(envfile.Source{Profile: "team", Main: draft(t, "claude-sonnet-4-6", ""), Key: secrets.NewSecret(fakeKeys[catalog.Anthropic]), Catalog: kodusline.MustGet(kodusline.Mid2026).Catalog()}, envfile.Options{}, now)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		res, err := envfile.Merge(old, blk)
		if err != nil {
			b.Fatal(err)
		}
		_ = envfile.Diff(".env", old, res.Content)
	}
}
