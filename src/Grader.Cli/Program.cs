using System.Text;

namespace Grader.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        Console.OutputEncoding = new UTF8Encoding(false);
        var terminal = !Console.IsOutputRedirected && !Console.IsErrorRedirected;
        return Cli.Run(args, Console.Out, Console.Error, terminal);
    }
}
