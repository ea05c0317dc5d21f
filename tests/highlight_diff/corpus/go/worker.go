package main

import (
	"context"
	"fmt"
	"math"
	"os"
	"os/signal"
)

const (
	workers, queueSize, maxRetries = 4, 64, 3
	mask, perm, ratio              = 0x0F, 0644, 1.5e-3
)

type job struct {
	id    int
	input float64
}

type result struct {
	id     int
	output float64
	err    error
}

func process(ctx context.Context, j job) (float64, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	if j.input < 0 {
		return math.NaN(), fmt.Errorf("job %d: negative input %.2f", j.id, j.input)
	}
	return math.Sqrt(j.input) * ratio, nil
}

func worker(ctx context.Context, jobs <-chan job, results chan<- result) {
	for j := range jobs {
		var out float64
		var err error
		for attempt := 0; attempt < maxRetries; attempt++ {
			if out, err = process(ctx, j); err == nil {
				break
			}
		}
		results <- result{id: j.id, output: out, err: err}
	}
}

func main() {
	ctx, cancel := signal.NotifyContext(context.Background(), os.Interrupt)
	defer cancel()

	jobs := make(chan job, queueSize)
	results := make(chan result, queueSize)
	for i := 0; i < workers; i++ {
		go worker(ctx, jobs, results)
	}
	go func() {
		defer close(jobs)
		for i := 1; i <= 20; i++ {
			jobs <- job{id: i, input: float64(i*i) - 4}
		}
	}()
	failed := 0
	for i := 0; i < 20; i++ {
		r := <-results
		if r.err != nil {
			failed++
			continue
		}
		fmt.Printf("job %2d -> %8.5f\n", r.id, r.output)
	}
	fmt.Printf("%d failed, mask=%d perm=%o rune=%c\n", failed, mask&^0x3, perm, 'λ')
	if failed > 0 {
		os.Exit(1)
	}
}
