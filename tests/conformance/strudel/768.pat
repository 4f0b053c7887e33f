0:2
s("bd*2").fmsustain2("<1 3>")
