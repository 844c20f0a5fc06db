namespace SupportDesk.Data.Views;

/// <summary>A view as the Views menu lists it; <see cref="OwnerName"/> tells a team view's author.</summary>
public sealed record SavedViewRow(int Id, string Name, string Query, bool IsShared, bool IsMine, string OwnerName);

/// <summary>What "Save view" sends: the name, the queue's query string and whether the team sees it.</summary>
public sealed record NewSavedView(string? Name, string? Query, bool IsShared);
