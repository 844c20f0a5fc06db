using SupportDesk.Tests.Infrastructure;

[assembly: AssemblyFixture(typeof(DatabaseTemplates))]
