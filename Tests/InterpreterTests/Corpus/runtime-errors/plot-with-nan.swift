// expect-error: 5:1: series 1 (line): ys[1] is nan; a plot needs finite numbers
import Plotting

print("drawing")
plot([0, 1, 2], [1, Double.nan, 3])
