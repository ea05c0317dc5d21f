package tree

import "strings"

// Node is a node of a section tree, keyed by path segment.
type Node[T any] struct {
	Name     string
	Value    *T
	Children []*Node[T]
}

// Insert adds value at the slash-separated path, creating nodes on the way.
func (n *Node[T]) Insert(path string, value T) {
	cur := n
	for _, seg := range strings.Split(strings.Trim(path, "/"), "/") {
		if seg == "" {
			continue
		}
		var next *Node[T]
		for _, c := range cur.Children {
			if c.Name == seg {
				next = c
				break
			}
		}
		if next == nil {
			next = &Node[T]{Name: seg}
			cur.Children = append(cur.Children, next)
		}
		cur = next
	}
	cur.Value = &value
}

// Walk calls fn for every node with a value, depth first, with its depth.
func (n *Node[T]) Walk(fn func(depth int, node *Node[T]) bool) {
	var visit func(*Node[T], int) bool
	visit = func(node *Node[T], depth int) bool {
		if node.Value != nil && !fn(depth, node) {
			return false
		}
		for _, c := range node.Children {
			if !visit(c, depth+1) {
				return false
			}
		}
		return true
	}
	visit(n, 0)
}

// String renders the tree as an indented outline.
func (n *Node[T]) String() string {
	var b strings.Builder
	n.Walk(func(depth int, node *Node[T]) bool {
		b.WriteString(strings.Repeat("  ", depth))
		b.WriteString(node.Name)
		b.WriteByte('\n')
		return true
	})
	return `tree:
` + b.String()
}
