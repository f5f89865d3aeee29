import MathCore
import Plotting

// Scatter, bars and a heatmap, in braille: calling a plot function shows the figure, and so do
// `show()` and printing it.
seed(3)
let xs = randomUniform(40, low: 0, high: 10)
let ys = 2 * xs + randomNormal(40)
scatter(xs, ys, title: "hours vs score", xLabel: "hours", yLabel: "score")
bar(["mse", "cross-entropy", "hinge"], [0.25, 0.69, 0.4], title: "losses")
let attention: Matrix = [[0.7, 0.2, 0.1], [0.1, 0.8, 0.1], [0.3, 0.3, 0.4]]
heatmap(attention, rowLabels: ["the", "cat", "sat"], columnLabels: ["the", "cat", "sat"], title: "attention")
var losses = Figure(title: "loss per step", xLabel: "step", yLabel: "loss")
losses.line([1, 2, 3, 4, 5], [0.9, 0.5, 0.35, 0.3, 0.28], label: "training")
losses.points([1, 3, 5], [0.95, 0.42, 0.31], label: "validation")
losses.horizontalRule(at: 0.25, label: "target")
losses.show()
print(losses)
