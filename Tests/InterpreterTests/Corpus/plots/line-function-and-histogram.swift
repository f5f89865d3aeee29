import MathCore
import Plotting

let xs = linspace(0, 6, count: 50)
print("before")
plot(xs, sin(xs), title: "sine", xLabel: "x")
var figure = Figure(title: "f(x) = x² and its tangent at 1", xLabel: "x", yLabel: "f(x)")
figure.line({ x in x * x }, from: -2, to: 2, label: "f(x) = x²")
figure.line([-1, 3], [-3, 5], label: "tangent")
figure.mark(x: 1, y: 1, label: "(1, 1)")
figure.verticalRule(at: 1)
figure.show()
histogram([1, 2, 2, 3, 3, 3], bins: 3)
