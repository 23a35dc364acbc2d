namespace Grader.Reports;

/// <summary>What a drawn graph shows in each node besides its name and operation.</summary>
public enum GraphView
{
    Full,
    Values,
    Gradients,

    /// <summary>Names and operations only: a blank worksheet for students to fill in.</summary>
    Bare,
}
