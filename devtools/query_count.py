"""Reports the SQL queries a response cost, in an `X-Query-Count` header.

Installed only by the load-run settings (maillage.settings.load), so that bench/load.py
can show queries per request from outside the server."""

from django.db import connections


class QueryCountMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        count = 0

        def counter(execute, sql, params, many, context):
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        with connections["default"].execute_wrapper(counter):
            response = self.get_response(request)
        response["X-Query-Count"] = str(count)
        return response
