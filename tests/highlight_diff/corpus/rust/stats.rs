use std::cmp::Ordering;

/// Summary statistics over a slice of samples.
#[derive(Debug, Default, Clone, Copy)]
pub struct Summary {
    pub count: usize,
    pub mean: f64,
    pub median: f64,
    pub min: f64,
    pub max: f64,
}

pub fn summarize(samples: &[f64]) -> Option<Summary> {
    if samples.is_empty() {
        return None;
    }
    let mut sorted: Vec<f64> = samples.iter().copied().filter(|x| !x.is_nan()).collect();
    sorted.sort_by(|a, b| a.partial_cmp(b).unwrap_or(Ordering::Equal));
    let n = sorted.len();
    let median = if n % 2 == 0 {
        (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0
    } else {
        sorted[n / 2]
    };
    let sum: f64 = sorted.iter().sum();
    Some(Summary { count: n, mean: sum / n as f64, median, min: sorted[0], max: sorted[n - 1] })
}

/// Finds the first window of `size` samples whose mean exceeds `limit`.
pub fn first_window_over<'a>(samples: &'a [f64], size: usize, limit: f64) -> Option<&'a [f64]> {
    'outer: for start in 0..=samples.len().saturating_sub(size) {
        let window = &samples[start..start + size];
        for &x in window {
            if x.is_nan() {
                continue 'outer;
            }
        }
        if window.iter().sum::<f64>() / size as f64 > limit {
            return Some(window);
        }
    }
    None
}

pub fn histogram(samples: &[f64], buckets: usize) -> Vec<u32> {
    let mut counts = vec![0u32; buckets];
    let (lo, hi) = samples.iter().fold((f64::MAX, f64::MIN), |(lo, hi), &x| (lo.min(x), hi.max(x)));
    let width = (hi - lo) / buckets as f64;
    for &x in samples {
        let i = (((x - lo) / width) as usize).min(buckets - 1);
        counts[i] += 1;
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_of_even_count() {
        let s = summarize(&[4.0, 1.0, 3.0, 2.0]).unwrap();
        assert_eq!(s.median, 2.5);
        assert!((s.mean - 2.5).abs() < 1e-12, "mean was {}", s.mean);
    }

    #[test]
    fn window() {
        let data = [1.0, 2.0, 9.5, 10.0, 0.5];
        assert_eq!(first_window_over(&data, 2, 9.0), Some(&data[2..4]));
        assert_eq!(histogram(&data, 3), vec![3, 0, 2]);
        let big = 1_000_000u64 + 0xFF + 0b1010 + 0o17;
        println!("{big}");
    }
}
