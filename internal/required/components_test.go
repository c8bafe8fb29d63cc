package required

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// No component takes the whole settings: every Args struct and every helper in the component
// packages names the groups it reads. A *settings.Settings parameter or field would let a
// component read (and re-check) anything, which is what this layout exists to prevent.
func TestComponentsNeverTakeTheWholeSettings(t *testing.T) {
	var found int
	for _, pkg := range []string{"azure", "gcp", "identity", "secrets"} {
		dir := filepath.Join("..", "..", pkg)
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil || len(files) == 0 {
			t.Fatalf("%s: no Go files (%v)", dir, err)
		}
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			file, err := parser.ParseFile(token.NewFileSet(), f, src, 0)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(file, func(n ast.Node) bool {
				if field, ok := n.(*ast.Field); ok {
					found++
					if isWholeSettings(field.Type) {
						t.Errorf("%s: %s takes *settings.Settings: pass settings.Common and the groups it reads", f, fieldName(field))
					}
				}
				return true
			})
		}
	}
	if found == 0 {
		t.Fatal("no fields parsed")
	}
}

func isWholeSettings(e ast.Expr) bool {
	star, ok := e.(*ast.StarExpr)
	if !ok {
		return false
	}
	sel, ok := star.X.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	pkg, ok := sel.X.(*ast.Ident)
	return ok && pkg.Name == "settings" && sel.Sel.Name == "Settings"
}

func fieldName(f *ast.Field) string {
	if len(f.Names) == 0 {
		return "an embedded field"
	}
	return f.Names[0].Name
}
