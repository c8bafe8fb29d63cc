package components

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/example/mlplatform/"

// A folder with a spec/ beside its resources is a component in the one-folder layout. Its
// resources take plain typed inputs (the package imports no settings: `stack` maps the
// configuration), its spec imports only kit (and Pulumi's property types), so the tooling that
// gathers specs through this list links no cloud SDK, and every spec is in the list.
func TestComponentFolders(t *testing.T) {
	listed := map[string]bool{}
	for _, c := range All() {
		listed[c.Name] = true
	}
	var folders []string
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		if strings.HasPrefix(d.Name(), ".") && path != ".." {
			return filepath.SkipDir
		}
		if d.Name() == "spec" {
			folders = append(folders, filepath.ToSlash(filepath.Dir(path))[3:])
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(folders) < 4 {
		t.Fatalf("found component folders %v, want at least secrets, identity, azure/appconfig, azure/mlworkspace", folders)
	}
	for _, f := range folders {
		if !listed[filepath.Base(f)] {
			t.Errorf("%s has a spec but is not in components.All()", f)
		}
		for _, imp := range imports(t, filepath.Join("..", f)) {
			if imp == module+"settings" {
				t.Errorf("%s imports settings: take plain typed inputs and let stack map the configuration", f)
			}
			// No arrow from a component back into the tooling.
			for _, tool := range []string{"policy", "plan", "internal/mocks", "components", "stack"} {
				if imp == module+tool {
					t.Errorf("%s imports the tooling package %s", f, tool)
				}
			}
		}
		for _, imp := range imports(t, filepath.Join("..", f, "spec")) {
			if strings.HasPrefix(imp, module) && imp != module+"kit" || strings.Contains(imp, "pulumi-") {
				t.Errorf("%s/spec imports %s: a spec imports only kit", f, imp)
			}
		}
	}
	// The tooling reaches components only through this list.
	for _, tool := range []string{"policy", "plan", "internal/mocks", "cmd/plan", "cmd/policypack"} {
		for _, imp := range imports(t, filepath.Join("..", tool)) {
			for _, f := range folders {
				if imp == module+f || imp == module+f+"/spec" {
					t.Errorf("%s imports the component %s: reach it through components.All()", tool, imp)
				}
			}
		}
	}
	t.Logf("component folders: %v", folders)
}

// imports lists what the non-test Go files of dir import.
func imports(t *testing.T, dir string) []string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	if len(files) == 0 {
		t.Fatalf("%s: no Go files", dir)
	}
	var out []string
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(token.NewFileSet(), f, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range file.Imports {
			p, _ := strconv.Unquote(s.Path.Value)
			out = append(out, p)
		}
	}
	return out
}
