0:1
note("c3 e3").fmsustain2("0.5 2")
