package studio

import (
	"embed"
	"fmt"

	"github.com/kodusbyok/studio/backend/kodusline"
)

// ProfileSchemaID names the schema of a profile.
const ProfileSchemaID = "https://kodus-byok.dev/schemas/profile.json"

// profileSchemas holds the JSON Schema of a profile for each Kodus line,
// schemas/profile.<line>.json, generated from ProfileView and the line's
// catalog by the tests (schema_gen_test.go; TestProfileSchemasAreCurrent
// keeps them equal, -update rewrites them): the program prints the documents
// instead of reflecting its types at run time.
//
//go:embed schemas
var profileSchemas embed.FS

// ProfileSchema is the JSON Schema of a profile as `profile show --json`
// prints it for this Kodus line (its providers are the line's): an indented
// JSON document ending in a newline, as `schema profile` prints it.
func ProfileSchema(line *kodusline.Line) ([]byte, error) {
	doc, err := profileSchemas.ReadFile(profileSchemaPath(line.ID))
	if err != nil {
		return nil, fmt.Errorf("no profile schema for Kodus line %q: %w", line.ID, err)
	}
	return doc, nil
}

func profileSchemaPath(lineID string) string {
	return "schemas/profile." + lineID + ".json"
}
