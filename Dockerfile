FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props SupportDesk.sln ./
COPY SupportDesk.Data/SupportDesk.Data.csproj SupportDesk.Data/
COPY SupportDesk.Web/SupportDesk.Web.csproj SupportDesk.Web/
RUN dotnet restore SupportDesk.Web/SupportDesk.Web.csproj
COPY SupportDesk.Data/ SupportDesk.Data/
COPY SupportDesk.Web/ SupportDesk.Web/
RUN dotnet publish SupportDesk.Web/SupportDesk.Web.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
RUN mkdir -p /app/data && chown -R app:app /app/data
USER app
VOLUME /app/data
EXPOSE 8080
ENTRYPOINT ["dotnet", "SupportDesk.Web.dll"]
