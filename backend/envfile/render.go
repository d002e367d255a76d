package envfile

import (
	"fmt"
	"strings"
)

// Render is the block as it is printed or copied: a header naming the
// profile and date, a do-not-commit line, and one NAME=value per variable.
// With masked set, keys are shown masked (for previews).
func (b *Block) Render(masked bool) (string, error) {
	var sb strings.Builder
	fmt.Fprintf(&sb, "# Kodus Fixed Mode (LLM), exported by Kodus BYOK Studio from profile %q on %s.\n", b.Profile, b.Generated.Format("2006-01-02"))
	sb.WriteString("# Contains an API key: do not commit this file or paste it where others can read it.\n")
	for _, v := range b.Vars {
		if masked {
			// A preview is read by people, not parsers: no quoting.
			sb.WriteString(v.Name + "=" + v.Display() + "\n")
			continue
		}
		line, err := Line(v.Name, v.value)
		if err != nil {
			return "", err
		}
		sb.WriteString(line + "\n")
	}
	return sb.String(), nil
}

// Variables is the block as a name → display value map (keys masked), the
// `--json` "variables" object.
func (b *Block) Variables() map[string]string {
	m := make(map[string]string, len(b.Vars))
	for _, v := range b.Vars {
		m[v.Name] = v.Display()
	}
	return m
}
