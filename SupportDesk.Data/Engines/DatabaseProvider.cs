namespace SupportDesk.Data.Engines;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
